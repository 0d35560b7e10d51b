"""The service layer: one function per task, shared by the CLI, the web app (HTML and JSON API) and the report.

Convention (every module here follows it):
- one module per task (`data`, `compliance`, `fairness`, `projections`, `claims`, `overview`, `ally`,
  `responsibility`, `editions`, ...), each public function taking plain parameters (str, int, float,
  bool, None; an ally or edition as the user typed it);
- parameters are validated once, here, with the shared validators (`burden.service.validate`, whose
  rules live in `burden.validators`: one growth bound, one year range, one date format, one text
  limit), and bad ones raise a `burden.errors.BurdenError` (one line, stable code) before any work
  starts; the default edition is resolved once, by `validate.edition` (= `dataset.resolve_edition`);
- the result is JSON-able (no DataFrames, no NaN: missing is None): a dict for a report, the list of
  records for a listing (`show`, `members`, `editions`, `indicators`, `diff`, `sql`, the shape those
  commands have always printed), and it is exactly what `burden CMD --json` prints and `/api/CMD`
  returns;
- no rendering: terminal tables, HTML and charts are the renderers' business (`burden.cli`,
  `burden.web`, `burden.report`), with shared formatting in `burden.render` and templates, filters
  and page views in `burden.presentation`.
Caches of anything derived from the data are keyed on `burden.dataset.data_version()`.

A new task: a module here (validate its parameters with `validate`, return a dict), a command in
`burden/cli/<task>.py`, an `APIRouter` in `burden/web/` for its page and `/api/<task>`.
"""
