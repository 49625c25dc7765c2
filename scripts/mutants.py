# ruff: noqa: E501  (the mutant table reads best one mutant a line)
"""Mutation check for the scope engine, the workflow and the kept pages: "a mutant of any scope or transition line must
fail a test", and a kept page must never be stale or someone else's.

Applies one simple mutant at a time (flip a comparison, drop a filter clause, swap and/or, remove an exclusion,
key the may() cache without the object's id…) to ecotown/core/scopes.py or ecotown/core/workflow.py, runs the
tests that guard those files, restores the file, and reports each mutant as killed or SURVIVED.

    PYTHONPATH=$PWD .venv/bin/python scripts/mutants.py            # every mutant
    PYTHONPATH=$PWD .venv/bin/python scripts/mutants.py -k cache   # those whose name contains "cache"
    PYTHONPATH=$PWD .venv/bin/python scripts/mutants.py --list

The fast tests (core/tests/test_scopes.py and test_workflow.py) run first; only a mutant they miss is run against
the areas' tests (their status steps use the workflow) and the permission matrix (~2.5 minutes). It edits files in
place and restores them in a `finally`: run it on a clean checkout (it refuses otherwise), or on a copy.
Exit status 1 when a mutant survives.
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCOPES = "ecotown/core/scopes.py"
WORKFLOW = "ecotown/core/workflow.py"
KEPT = "ecotown/core/kept.py"
KEPT_TESTS = "ecotown/core/tests/test_kept_pages.py"
FAST_TESTS = ["ecotown/core/tests/test_scopes.py", "ecotown/core/tests/test_workflow.py", KEPT_TESTS]
# The file a mutant changes picks its first tests (the other files' tests run only if those miss it).
FIRST_TESTS = {
    SCOPES: ["ecotown/core/tests/test_scopes.py"],
    WORKFLOW: ["ecotown/core/tests/test_workflow.py"],
    KEPT: [KEPT_TESTS],
}
MATRIX_TESTS = ["ecotown/areas/tests", "tests/test_permission_matrix.py"]


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    old: str  # must occur exactly once in the file
    new: str


M = Mutant
# fmt: off
MUTANTS = [
    # -- scopes.py: resolving a model's scope through its parents
    M("child paths lose the parent prefix", SCOPES, 'else f"{prefix}__{path}" for path', "else path for path"),
    M("child inherits no assigned paths", SCOPES, "assigned=_prefixed(scope.parent, parent.assigned)", "assigned={}"),
    M("child inherits no exclusions", SCOPES, "exclude=_prefixed(scope.parent, parent.exclude)", "exclude={}"),
    M("child of national data is not national", SCOPES, "national_only=parent.national_only,", "national_only=False,"),
    M("resolved scope cache read through inheritance", SCOPES, 'cached = model.__dict__.get("_resolved_scope")',
      'cached = getattr(model, "_resolved_scope", None)'),
    # -- roles and grants
    M("all-powerful role not granted everything", SCOPES, "return {_book.all_powerful, *_roles_by_permission",
      "return {*_roles_by_permission"),
    M("grant ignores its roles", SCOPES, "_roles_by_permission[permission].update(str(role) for role in roles)",
      "_roles_by_permission[permission].update(())"),
    M("staff test flipped", SCOPES, "str(assignment.role) in _book.staff", "str(assignment.role) not in _book.staff"),
    M("superuser is not staff", SCOPES, 'if getattr(user, "is_superuser", False):\n        return True\n    return any',
      'if getattr(user, "is_superuser", False):\n        return False\n    return any'),
    M("anonymous users get assignments", SCOPES,
      'if not getattr(user, "is_authenticated", False) or _book.load_assignments is None:',
      "if _book.load_assignments is None:"),
    M("assignments cached across users", SCOPES, 'cached = user.__dict__.get("_ecotown_assignments")',
      'cached = _book.__dict__.get("_ecotown_assignments")'),
    M("forget keeps the assignments", SCOPES, '        user.__dict__.pop("_ecotown_assignments", None)\n', ""),
    M("forget keeps the answers", SCOPES, '        user.__dict__.pop("_ecotown_answers", None)\n', ""),
    # -- the condition
    M("superuser filtered like anyone", SCOPES,
      'if getattr(user, "is_superuser", False):\n        return None\n    allowed', "if False:\n        return None\n    allowed"),
    M("public grant flipped", SCOPES, "if _book.public in allowed:\n        clauses", "if _book.public not in allowed:\n        clauses"),
    M("public grant ignores the public filter", SCOPES, "clauses.append(model.public_filter())", "clauses.append(Q())"),
    M("a role not granted still reaches", SCOPES, "        if role not in allowed:\n            continue\n", ""),
    M("national role does not reach everything", SCOPES, "if kind == NATIONAL:\n            return None",
      "if kind == NATIONAL:\n            continue"),
    M("every role is national", SCOPES, "if kind == NATIONAL:", "if kind != NATIONAL:"),
    M("exclusions dropped", SCOPES, "clauses.append(_without_exclusions(model, scope, role, user, clause))",
      "clauses.append(clause)"),
    M("clauses AND-ed instead of OR-ed", SCOPES, "return reduce(or_, clauses) if clauses else NOWHERE\n\n\ndef _clause",
      "return reduce(lambda a, b: a & b, clauses) if clauses else NOWHERE\n\n\ndef _clause"),
    M("no clause means every row", SCOPES, "return reduce(or_, clauses) if clauses else NOWHERE\n\n\ndef _clause",
      "return reduce(or_, clauses) if clauses else None\n\n\ndef _clause"),
    M("a clause reaching every row narrowed by another", SCOPES, "if any(not clause for clause in clauses):",
      "if False:"),
    M("every row only when every clause reaches it", SCOPES, "if any(not clause for clause in clauses):",
      "if all(not clause for clause in clauses):"),
    M("national data reached by nobody", SCOPES, "return Q()  # national data", "return None  # national data"),
    M("assigned role test flipped", SCOPES, "if role in scope.assigned:", "if role not in scope.assigned:"),
    M("assigned path compared with the scope id", SCOPES, "(Q(**{path: user.pk}) for path in scope.assigned[role])",
      "(Q(**{path: assignment.scope_id}) for path in scope.assigned[role])"),
    M("assigned paths AND-ed", SCOPES, "reduce(or_, (Q(**{path: user.pk}) for path in scope.assigned[role]))",
      "reduce(lambda a, b: a & b, (Q(**{path: user.pk}) for path in scope.assigned[role]))"),
    M("scope kind or scope id", SCOPES, "if kind in scope.paths and assignment.scope_id is not None:",
      "if kind in scope.paths or assignment.scope_id is not None:"),
    M("scope id not required", SCOPES, "if kind in scope.paths and assignment.scope_id is not None:",
      "if kind in scope.paths:"),
    M("kind paths AND-ed", SCOPES, "reduce(or_, (Q(**{path: assignment.scope_id}) for path in scope.paths[kind]))",
      "reduce(lambda a, b: a & b, (Q(**{path: assignment.scope_id}) for path in scope.paths[kind]))"),
    M("kind path compared with the user", SCOPES, "(Q(**{path: assignment.scope_id}) for path in scope.paths[kind])",
      "(Q(**{path: user.pk}) for path in scope.paths[kind])"),
    M("exclusion test flipped", SCOPES, "    if not paths:\n        return clause\n    excluded",
      "    if paths:\n        return clause\n    excluded"),
    M("exclusion added instead of removed", SCOPES, "return clause & ~Q(pk__in=excluded.values(\"pk\"))",
      "return clause | ~Q(pk__in=excluded.values(\"pk\"))"),
    M("exclusion not negated", SCOPES, "return clause & ~Q(pk__in=excluded.values(\"pk\"))",
      "return clause & Q(pk__in=excluded.values(\"pk\"))"),
    M("exclusion paths AND-ed", SCOPES, "filter(reduce(or_, (Q(**{path: user.pk}) for path in paths)))",
      "filter(reduce(lambda a, b: a & b, (Q(**{path: user.pk}) for path in paths)))"),
    M("generic parent: writes need only view", SCOPES, '"view" if action == "view" else "change"', '"view"'),
    M("generic parent: reads need change", SCOPES, '"view" if action == "view" else "change"', '"change"'),
    M("generic parent: permission not checked", SCOPES,
      "        if not may(user, parent_permission):\n            continue\n", ""),
    M("generic parent: reachable ignores scope", SCOPES,
      'reachable = parent_model.objects.for_permission(user, parent_permission).values("pk")',
      'reachable = parent_model._default_manager.values("pk")'),
    M("generic parent: content type ignored", SCOPES,
      "clauses.append(Q(**{generic.ct_field: content_type, f\"{generic.fk_field}__in\": reachable}))",
      "clauses.append(Q(**{f\"{generic.fk_field}__in\": reachable}))"),
    M("generic parent: no parent means every row", SCOPES, "return reduce(or_, clauses) if clauses else NOWHERE\n\n\ndef crosses",
      "return reduce(or_, clauses) if clauses else Q()\n\n\ndef crosses"),
    M("to-many test AND-ed", SCOPES, "if model_field.many_to_many or model_field.one_to_many:",
      "if model_field.many_to_many and model_field.one_to_many:"),
    M("to-many never crossed", SCOPES, "        if model_field.many_to_many or model_field.one_to_many:\n            return True",
      "        if model_field.many_to_many or model_field.one_to_many:\n            return False"),
    M("assigned paths not checked for to-many", SCOPES, "for group in (scope.paths, scope.assigned)",
      "for group in (scope.paths,)"),
    M("restrict: no condition means no row", SCOPES, "    if where is None:\n        return queryset\n    if where == NOWHERE",
      "    if where is None:\n        return queryset.none()\n    if where == NOWHERE"),
    M("restrict: subquery dropped", SCOPES, "return queryset.filter(pk__in=model._default_manager.filter(where).values(\"pk\"))",
      "return queryset.filter(where)"),
    M("restrict: subquery for direct paths too", SCOPES, "    if crosses_many(model):", "    if True:"),
    M("restrict: direct filter dropped", SCOPES, "        return queryset.filter(pk__in=model._default_manager.filter(where).values(\"pk\"))\n    return queryset.filter(where)",
      "        return queryset.filter(pk__in=model._default_manager.filter(where).values(\"pk\"))\n    return queryset"),
    # -- may()
    M("may: superuser refused", SCOPES, '        return True\n    allowed = roles_granted(permission)\n    if obj is None',
      '        return False\n    allowed = roles_granted(permission)\n    if obj is None'),
    M("may: public grant or-ed away", SCOPES, "return _book.public in allowed or any(", "return _book.public in allowed and any("),
    M("may: role test flipped", SCOPES, "any(str(a.role) in allowed for a in", "any(str(a.role) not in allowed for a in"),
    M("may: no condition means no", SCOPES, "    if where is None:\n        return True", "    if where is None:\n        return False"),
    M("may: nowhere means yes", SCOPES, "if where == NOWHERE or obj.pk is None:\n        return False",
      "if where == NOWHERE or obj.pk is None:\n        return True"),
    M("may: unsaved object checked", SCOPES, "if where == NOWHERE or obj.pk is None:", "if where == NOWHERE:"),
    M("may: cache keyed without the object's id", SCOPES, "key = (obj._meta.label, obj.pk, where)", "key = (obj._meta.label, where)"),
    M("may: cache keyed without the model", SCOPES, "key = (obj._meta.label, obj.pk, where)", "key = (obj.pk, where)"),
    M("may: cache keyed without the condition", SCOPES, "key = (obj._meta.label, obj.pk, where)", "key = (obj._meta.label, obj.pk)"),
    M("may: cache shared by every user", SCOPES, 'answers = user.__dict__.setdefault("_ecotown_answers", {}) if user',
      "answers = _book.__dict__.setdefault(\"_ecotown_answers\", {}) if user"),
    M("may: the object's row not filtered", SCOPES, "filter(where, pk=obj.pk).exists()", "filter(where).exists()"),
    M("may: condition not applied", SCOPES, "filter(where, pk=obj.pk).exists()", "filter(pk=obj.pk).exists()"),
    # -- answers loaded with the object (with_answers / remember_answers)
    M("loaded answers filed without the object's id", SCOPES, "answers[(obj._meta.label, obj.pk, where)] = ",
      "answers[(obj._meta.label, None, where)] = "),
    M("loaded answer negated", SCOPES, "= bool(getattr(obj, name))", "= not getattr(obj, name)"),
    M("a condition decided without the database is loaded anyway", SCOPES,
      "if where is None or where == NOWHERE:\n            continue  # may()", "if where is None:\n            continue  # may()"),
    M("loaded answers ask another object's row", SCOPES, 'filter(where, pk=OuterRef("pk"))', "filter(where)"),
    # -- workflow.py
    M("any-source step never starts", WORKFLOW, "return ANY in self.sources or state in self.sources",
      "return state in self.sources"),
    M("sources AND-ed", WORKFLOW, "return ANY in self.sources or state in self.sources",
      "return ANY in self.sources and state in self.sources"),
    M("source test flipped", WORKFLOW, "or state in self.sources", "or state not in self.sources"),
    M("available ignores the state", WORKFLOW, "if t.starts_from(state) and may(user, t.permission, obj)]",
      "if may(user, t.permission, obj)]"),
    M("available ignores the permission", WORKFLOW, "if t.starts_from(state) and may(user, t.permission, obj)]",
      "if t.starts_from(state)]"),
    M("available checks the permission without the object", WORKFLOW,
      "and may(user, t.permission, obj)]", "and may(user, t.permission)]"),
    M("run ignores the source state", WORKFLOW, "if not transition.starts_from(state):", "if False:"),
    M("run ignores the permission", WORKFLOW, "if acting_user is not None and not may(acting_user, transition.permission, obj):",
      "if False:"),
    M("run checks the permission without the object", WORKFLOW,
      "not may(acting_user, transition.permission, obj):", "not may(acting_user, transition.permission):"),
    M("run: no acting user is refused", WORKFLOW, "if acting_user is not None and not may(",
      "if acting_user is None or not may("),
    M("run: reason not required", WORKFLOW, "if transition.needs_reason and not reason.strip():", "if False:"),
    M("run: blank reason accepted", WORKFLOW, "and not reason.strip():", "and not reason:"),
    M("run: reason always required", WORKFLOW, "if transition.needs_reason and not reason.strip():",
      "if not reason.strip():"),
    M("run: target state not set", WORKFLOW, "        setattr(obj, self.field, transition.target)\n", ""),
    M("run: changes not applied", WORKFLOW, "            setattr(obj, name_, value)\n", "            pass\n"),
    M("run: no validation", WORKFLOW, "        obj.full_clean(exclude=_unchanged(obj, self.field, changes))\n", ""),
    M("run: unchanged fields validated too", WORKFLOW, "if f.name not in touched]", "if f.name in touched]"),
    M("run: no acting user in history", WORKFLOW, "obj._history_user = acting_user", "obj._history_user = None"),
    M("run: reason not kept", WORKFLOW, "obj._change_reason = reason or transition.label or transition.name",
      "obj._change_reason = transition.label or transition.name"),
    M("run: reason cut to 100 characters", WORKFLOW, "obj._change_reason = reason or transition.label or transition.name",
      "obj._change_reason = (reason or transition.label or transition.name)[:100]"),
    M("run: not saved", WORKFLOW, "        obj.save()\n        return obj", "        return obj"),
    M("run: state label from the raw value", WORKFLOW, "return display() if display else", "return str(getattr(obj, field)) if display else"),
    # -- kept.py: list pages kept until the database changes (a wrong line shows a stale page or another user's)
    M("kept: served inside a transaction", KEPT, "    if db.in_atomic_block:\n        return None\n", ""),
    M("kept: own changes not counted", KEPT, "return (serial, changes, version)", "return (serial, version)"),
    M("kept: other connections' commits not counted", KEPT, "return (serial, changes, version)", "return (serial, changes)"),
    M("kept: counters of all connections alike", KEPT, "return (serial, changes, version)", "return (changes, version)"),
    M("kept: PostgreSQL state from the first snapshot's xmin", KEPT, "SELECT pg_current_snapshot()::text ||", "SELECT pg_snapshot_xmin(pg_current_snapshot())::text ||"),
    M("kept: PostgreSQL state without the server's start", KEPT, " || ' ' || pg_postmaster_start_time()::text", ""),
    M("kept: messages waiting ignored", KEPT, " or len(messages.get_messages(request))", ""),
    M("kept: key without the address", KEPT, "        request.get_full_path(),\n", ""),
    M("kept: key without the query string", KEPT, "        request.get_full_path(),\n", "        request.path,\n"),
    M("kept: key without HTMX", KEPT, "        bool(htmx),\n", ""),
    M("kept: key without the language", KEPT, "        translation.get_language(),\n", ""),
    M("kept: key without the day", KEPT, "        request.kept_pages_day,\n", ""),
    M("kept: key by the day when the page is done", KEPT, "        request.kept_pages_day,\n", "        timezone.localdate(),\n"),
    M("kept: roles by the day they are read", KEPT, "return _day.get() or timezone.localdate()", "return timezone.localdate()"),
    M("kept: key without the user", KEPT, "        request.user.pk,\n", ""),
    M("kept: CSRF token not put back", KEPT, "content.replace(MARK_BYTES, get_token(request).encode())", "content"),
    M("kept: CSRF token kept as written", KEPT, "content = content.replace(csrf_token.encode(), MARK_BYTES)", "pass"),
    M("kept: no limit on pages", KEPT, "len(_pages) > settings.KEPT_PAGES_ENTRIES or ", ""),
    M("kept: no limit on bytes", KEPT, "if size > settings.KEPT_PAGES_BYTES // 8:", "if False:"),
    M("kept: state read for views that do not keep", KEPT, '            and getattr(view_class, "keep_pages", False)\n', ""),
    M("kept: remembered outside the state", KEPT, "    key = (state, key)\n", ""),
    M("assignments remembered without the user", SCOPES, '("assignments", user.pk, day)', '("assignments", day)'),
    M("assignments remembered without the day", SCOPES, '("assignments", user.pk, day)', '("assignments", user.pk)'),
]
# fmt: on


def run_tests(paths: list[str], *, first_failure=True) -> tuple[bool, float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DB_CONN_MAX_AGE": "0"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--no-header", *paths]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        command.append("--reuse-db")  # the test database is migrated once, not once per mutant
    if first_failure:
        command.insert(3, "-x")
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    lines = result.stdout.strip().splitlines() or [""]
    # The test that killed the mutant (or the error that stopped the run), to check it died for a reason.
    first = next((line for line in lines if line.startswith(("FAILED ", "ERROR "))), lines[-1])
    return result.returncode == 0, time.monotonic() - started, first.split(" - ")[0]


def apply(mutant: Mutant) -> tuple[Path, str, int]:
    path = ROOT / mutant.path
    original = path.read_text(encoding="utf-8")
    found = original.count(mutant.old)
    if found != 1:
        raise SystemExit(f"mutant {mutant.name!r}: the text occurs {found} times in {mutant.path}, not once")
    line = original[: original.index(mutant.old)].count("\n") + 1
    path.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
    return path, original, line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only mutants whose name contains this ('|' separates several)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--no-matrix", action="store_true", help="skip the permission matrix for survivors")
    parser.add_argument("--from", dest="start", type=int, default=1, help="start at this mutant's number")
    args = parser.parse_args()
    # A kill (SIGTERM) unwinds through the `finally` that restores the mutated file.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    wanted = [part.strip().lower() for part in args.k.split("|")]
    chosen = [m for m in MUTANTS if any(part in m.name.lower() for part in wanted)]
    for mutant in chosen:  # every mutant applies before anything runs
        path, original, _line = apply(mutant)
        path.write_text(original, encoding="utf-8")
    if args.list:
        for mutant in chosen:
            print(f"{mutant.path}: {mutant.name}")
        return 0
    dirty = subprocess.run(
        ["git", "status", "--porcelain", SCOPES, WORKFLOW, KEPT], cwd=ROOT, capture_output=True, text=True
    )
    if dirty.stdout.strip():
        raise SystemExit(f"{SCOPES}, {WORKFLOW} or {KEPT} has uncommitted changes: commit them first")
    ok, seconds, summary = run_tests(FAST_TESTS, first_failure=False)
    if not ok:
        raise SystemExit(f"the unmutated code fails its tests: {summary}")
    print(f"baseline: {summary} ({seconds:.0f} s)\n", flush=True)
    survivors = []
    for number, mutant in enumerate(chosen, 1):
        if number < args.start:
            continue
        path, original, line = apply(mutant)
        try:
            passed, seconds, summary = run_tests(FIRST_TESTS[mutant.path])
            by = "fast tests"
            if passed:
                passed, more, summary = run_tests(FAST_TESTS)
                seconds += more
            if passed and not args.no_matrix:
                passed, more, summary = run_tests(MATRIX_TESTS)
                seconds += more
                by = "areas tests or permission matrix"
        finally:
            path.write_text(original, encoding="utf-8")
        verdict = "SURVIVED" if passed else f"killed by {by}: {summary.split('::')[-1]}"
        print(f"[{number:2}/{len(chosen)}] {mutant.path}:{line:<4} {mutant.name:<52} {verdict} ({seconds:.0f} s)",
              flush=True)  # fmt: skip
        if passed:
            survivors.append((mutant, line))
    ran = len(chosen) - args.start + 1
    print(f"\n{ran - len(survivors)} of {ran} mutants killed.")
    for mutant, line in survivors:
        print(f"  survived: {mutant.path}:{line} {mutant.name}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
