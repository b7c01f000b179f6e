#!/usr/bin/env python3
"""Validates SARIF documents against sarif-2.1.0-github.schema.json (next to
this file) with python3's jsonschema (Debian: python3-jsonschema 4.10),
Draft 7 with format checking, then checks the few rules of SARIF 2.1.0 that
Draft 7 cannot state (marked "beyond the schema").  No network, no npm.

  validate-sarif.py FILE...  exit 0 when every FILE is valid; otherwise one
                             "FILE: /json/pointer: message" line per problem
                             (the pointer is "" for the whole document, as
                             for a file that is not JSON), exit 1
  validate-sarif.py --about  one line: the jsonschema version and the formats
                             it checks

Exit status 2: bad usage, no jsonschema module, or a schema that is not valid
Draft 7.
"""
import json
import os
import sys

SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sarif-2.1.0-github.schema.json")
URI_FORMATS = ("uri", "uri-reference")
MAX_PROBLEMS = 50


def fail(msg):
    print("validate-sarif.py: " + msg, file=sys.stderr)
    sys.exit(2)


try:
    import jsonschema
except ImportError as e:
    fail("no jsonschema module for %s (Debian: apt-get install python3-jsonschema): %s" % (sys.executable, e))


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version("jsonschema")
    except Exception:
        return getattr(jsonschema, "__version__", "?")


def format_checker():
    v = jsonschema.Draft7Validator
    fc = getattr(v, "FORMAT_CHECKER", None) or getattr(jsonschema, "draft7_format_checker", None)
    return fc if fc is not None else jsonschema.FormatChecker()


def about(fc):
    checked = [f for f in URI_FORMATS if f in fc.checkers]
    missing = [f for f in URI_FORMATS if f not in fc.checkers]
    s = "python3 jsonschema %s, Draft 7" % jsonschema_version()
    if checked:
        s += ", formats checked: " + ", ".join(checked)
    if missing:
        s += "; format %s not checked (no rfc3987 module), the schema's URI patterns still apply" % ", ".join(missing)
    return s


def pointer(path):
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def beyond_schema(doc):
    """(path, message) for what Draft 7 cannot say."""
    out = []
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        return out
    for ri, run in enumerate(doc["runs"]):
        if not isinstance(run, dict):
            continue
        bases = run.get("originalUriBaseIds")
        bases = bases if isinstance(bases, dict) else {}
        driver = run.get("tool", {}).get("driver", {}) if isinstance(run.get("tool"), dict) else {}
        rules = driver.get("rules") if isinstance(driver, dict) else None
        rules = rules if isinstance(rules, list) else []

        def walk(node, path):
            if isinstance(node, dict):
                for key in ("region", "contextRegion"):
                    reg = node.get(key)
                    if isinstance(reg, dict) and all(isinstance(reg.get(k), int) for k in ("startLine", "endLine")):
                        sl, el = reg["startLine"], reg["endLine"]
                        sc, ec = reg.get("startColumn", 1), reg.get("endColumn")
                        if el < sl:
                            out.append((path + [key, "endLine"],
                                        "[beyond the schema] endLine %d is before startLine %d (SARIF 2.1.0 §3.30.7)" % (el, sl)))
                        elif el == sl and isinstance(sc, int) and isinstance(ec, int) and ec < sc:
                            out.append((path + [key, "endColumn"],
                                        "[beyond the schema] endColumn %d is before startColumn %d on one line (§3.30.8)" % (ec, sc)))
                base = node.get("uriBaseId")
                if isinstance(base, str) and base not in bases:
                    out.append((path + ["uriBaseId"],
                                "[beyond the schema] uriBaseId %r is not in run.originalUriBaseIds (§3.4.4, §3.14.14)" % base))
                for k, v in node.items():
                    walk(v, path + [k])
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, path + [i])

        walk(run, ["runs", ri])
        results = run.get("results")
        for k, res in enumerate(results if isinstance(results, list) else []):
            if not isinstance(res, dict):
                continue
            where = ["runs", ri, "results", k]
            idx, rid = res.get("ruleIndex"), res.get("ruleId")
            if isinstance(idx, int) and idx >= 0:
                if idx >= len(rules):
                    out.append((where + ["ruleIndex"],
                                "[beyond the schema] ruleIndex %d, but the driver has %d rules (§3.27.6)" % (idx, len(rules))))
                elif isinstance(rid, str) and isinstance(rules[idx], dict) and rules[idx].get("id") != rid:
                    out.append((where + ["ruleIndex"],
                                "[beyond the schema] ruleIndex %d is rule %r, not ruleId %r (§3.27.6)" % (idx, rules[idx].get("id"), rid)))
            rel = res.get("relatedLocations")
            ids = [x.get("id") for x in rel if isinstance(x, dict) and "id" in x] if isinstance(rel, list) else []
            dup = sorted({i for i in ids if ids.count(i) > 1}, key=str)
            if dup:
                out.append((where + ["relatedLocations"],
                            "[beyond the schema] location ids %s repeat within the result (§3.28.2)" % dup))
    return out


def main(argv):
    fc = format_checker()
    if argv == ["--about"]:
        print(about(fc))
        return 0
    if not argv or argv[0].startswith("-"):
        fail("usage: validate-sarif.py FILE... | --about")
    try:
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
        fail("%s is not a usable Draft 7 schema: %s" % (SCHEMA, str(e).splitlines()[0]))
    validator = jsonschema.Draft7Validator(schema, format_checker=fc)
    bad = False
    for name in argv:
        try:
            with open(name, encoding="utf-8") as f:
                doc = json.load(f)
        except (OSError, ValueError) as e:
            print("%s: : not a JSON document: %s" % (name, e))
            bad = True
            continue
        problems = []
        for err in validator.iter_errors(doc):
            msg = err.message
            if len(msg) > 300:
                msg = msg[:300] + "..."
            problems.append((list(err.absolute_path), "%s (schema: %s)" % (msg, pointer(err.absolute_schema_path))))
        problems.extend(beyond_schema(doc))
        problems.sort(key=lambda p: [(0, x, "") if isinstance(x, int) else (1, 0, str(x)) for x in p[0]])
        for path, msg in problems[:MAX_PROBLEMS]:
            print("%s: %s: %s" % (name, pointer(path), msg))
        if len(problems) > MAX_PROBLEMS:
            print("%s: and %d more problems" % (name, len(problems) - MAX_PROBLEMS))
        bad = bad or bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
