"""The service layer: one function per task, shared by the CLI, the web app (HTML and JSON API) and the report.

Convention (every module here follows it):
- one module per task (`data`, `compliance`, `fairness`, `projections`, `claims`, `overview`,
  `responsibility`, `editions`, ...), each public function taking plain parameters (str, int, float,
  bool, None; an ally or edition as the user typed it);
- parameters are validated once, here, with the shared validators, and bad ones raise a
  `burden.errors.BurdenError` (one line, stable code) before any work starts;
- the result is a JSON-able dict (no DataFrames, no NaN: missing is None), and it is exactly what
  `burden CMD --json` prints and `/api/CMD` returns;
- no rendering: terminal tables, HTML and charts are the renderers' business (`burden.cli`,
  `burden.web`, `burden.report`, with shared formatting in `burden.render`).
Caches of anything derived from the data are keyed on `burden.dataset.data_version()`.
"""
