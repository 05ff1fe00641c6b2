"""`plancheck explain RULE`: a rule's documentation, generated from its pack."""
from __future__ import annotations

import yaml

from .engine import Rule, run_example
from .errors import PlancheckError

_HEAD = {
    "vi": {"severity": "mức", "category": "nhóm", "kind": "kiểu kiểm tra", "params": "tham số",
           "message": "thông báo", "why": "vì sao", "fix": "cách sửa", "fires": "Ví dụ báo lỗi",
           "passes": "Ví dụ không báo", "says": "plancheck báo", "pack": "bộ quy tắc"},
    "en": {"severity": "severity", "category": "category", "kind": "check kind", "params": "parameters",
           "message": "message", "why": "why", "fix": "fix", "fires": "Fires on",
           "passes": "Does not fire on", "says": "plancheck says", "pack": "pack"},
}


def explain_rule(rule: Rule, lang: str = "vi") -> str:
    h = _HEAD.get(lang, _HEAD["en"])
    lines = [f"{rule.id} {rule.slug}", "",
             rule.doc.what]
    if rule.doc.why:
        lines += ["", f"{h['why']}: {rule.doc.why}"]
    if rule.doc.fix:
        lines += [f"{h['fix']}: {rule.doc.fix}"]
    lines += ["",
              f"{h['category']}: {rule.category}   {h['severity']}: {rule.severity.value}   "
              f"{h['kind']}: {rule.kind}   {h['pack']}: {rule.pack}"]
    params = rule.parsed_params().model_dump(mode="json")
    if params:
        lines.append(f"{h['params']}: " + ", ".join(f"{k}={v}" for k, v in params.items()))
    lines.append(f"{h['message']}: {rule.message_for(lang)}")
    for key in ("fires", "passes"):
        for i, example in enumerate(getattr(rule.examples, key), 1):
            lines += ["", f"{h[key]} #{i}:"]
            body = example if isinstance(example, str) else yaml.safe_dump(
                example, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100)
            lines += ["    " + ln for ln in body.rstrip().splitlines()]
            if key == "fires":
                try:
                    findings = run_example(rule, example, lang)
                except PlancheckError as exc:
                    lines.append(f"  → {exc}")
                    continue
                lines += [f"  → {h['says']}: {f.message}" for f in findings]
    return "\n".join(lines)
