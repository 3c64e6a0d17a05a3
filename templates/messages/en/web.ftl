# The web app (kooste serve).
web-skip = Skip to content
web-nav-label = Main menu
web-nav-dashboard = Overview
web-nav-upload = Upload files
web-nav-findings = Findings
web-nav-build = Build
web-nav-templates = Templates
web-lang-label = Language
web-logout = Sign out
web-year-label = Year
web-show = Show
web-years = Years:
web-dashboard-title = Overview of { $year }
web-dashboard-caption = The departments' submissions
web-col-department = Department
web-col-state = State
web-col-last-file = Latest file
web-col-findings = Findings
web-state-none = Nothing received
web-state-errors = Errors
web-state-warnings = Warnings only
web-state-clean = Clean
web-findings-link = { $count ->
    [one] { $department }: 1 finding
   *[other] { $department }: { $count } findings
}
web-unassigned-title = Files whose department was not recognised
web-upload-title = Upload files
web-upload-intro = Choose one or more department files (xlsx, xls, ods or csv). The original files are never changed.
web-upload-files = Files
web-upload-department = Department
web-upload-department-detect = Recognise from the file
web-upload-drop = You can also drag the files here.
web-upload-progress = Upload progress
web-upload-submit = Upload
web-upload-results = Files received
web-upload-stored = { $file }: department { $department }, { $errors ->
    [one] 1 error
   *[other] { $errors } errors
}, { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}
web-findings-title = Findings of { $year }
web-findings-count = { $count ->
    [0] No findings.
    [one] 1 finding.
   *[other] { $count } findings.
}
web-filter-all = All
web-filter-sort = Order
web-filter-apply = Filter
web-sort-file = File
web-col-file = File
web-col-sheet = Sheet
web-col-cell = Cell
web-col-severity = Severity
web-col-code = Code
web-col-message = Message
web-build-title = Consolidation and annual report of { $year }
web-build-intro = Build the consolidated workbook and the annual report from the year's current files. While errors remain, they are drafts.
web-build-submit = Build
web-build-done = The consolidated workbook and the annual report were built.
web-build-nothing = Nothing to build: the year has no measures.
web-build-list = Builds
web-builds-none = Nothing has been built for the year yet.
web-col-built-at = Built
web-col-build-kind = Kind
web-col-downloads = Downloads
web-build-draft = Draft
web-build-final = Final
web-download-workbook = Download the consolidated workbook
web-download-report = Download the annual report
web-view-report = View the annual report in the browser
web-templates-title = Templates for { $year }
web-templates-intro = Each department's template for the next year, prefilled from the final consolidation of { $year } where one was built.
web-template-download = { $department }: template for { $year }
web-login-title = Sign in
web-login-password = Administrator password
web-login-submit = Sign in
web-login-wrong = The password is not right.
web-refused-title = Request refused
web-refused-sign-in = Sign in first.
web-refused-csrf = The form's check token is missing or wrong. Reload the page and try again.
web-refused-too-large = The upload is too large: at most { $megabytes } MB at a time.
web-refused-bad-upload = The upload could not be read.
web-refused-file-type = this file type is not read (only xlsx, xlsm, xlsb, xls, ods and csv).
web-not-found = No such page.
web-failure-title = The work stopped
web-listening = Web app at { $url } (workspace { $workspace }). Stop it with Ctrl-C.
web-log-refusal = { $at } refused ({ $what }): { $detail }
web-err-io = A file of the workspace could not be handled: { $path }
web-err-db = The workspace's register could not be used: { $detail }
web-err-newer-register = The workspace's register was made by a newer kooste; update kooste.
web-err-needs-password = { $addr } is not a loopback address: first set the administrator password in the environment variable { $var }.
web-err-listen = Could not listen on { $addr }: { $detail }
web-err-hash = The password could not be stored.
web-no-web-app = This build of kooste has no web app. Build one with: cargo build --release --features web
web-nav-links = Upload links
web-links-title = The departments' upload links
web-link-create = Create a link
web-link-made = New link (shown only now; send it to the department):
web-col-created = Created
web-department-title = { $department }: files of { $year }
web-refused-other-department = the file is another department's; this link uploads only its own department's files.
web-fix-files = Files to fix
web-fix-file-link = Fix the file { $file }
web-fix-title = File { $file }
web-fix-intro = Corrections and column choices are kept in the register, and the file is checked again with them at once. The original file is not changed.
web-fix-columns-title = Unknown columns
web-fix-columns-intro = Choose for each column the field it means; the closest come first. The choice is remembered for the department's next files.
web-fix-column-label = Column “{ $header }” ({ $cell })
web-fix-column-none = no field (not read)
web-fix-columns-submit = Save and check again
web-fix-columns-saved = The column choices were saved and the file checked again.
web-fix-matched-title = Remembered columns
web-fix-matched = “{ $header }” is read as { $field }
web-fix-col-correct = Correction
web-fix-value-label = New value for cell { $sheet }!{ $cell }
web-fix-submit = Correct and check
web-fix-any-title = Correct any cell
web-fix-new-value = New value
web-fix-recorded = Recorded corrections
web-fix-col-before = Value in the file
web-fix-col-after = Corrected value
web-fix-col-by = Corrected by
web-fix-col-at = Corrected at
web-fix-corrected = The correction was saved and the file checked again.
web-fix-refused = The correction was not saved:
web-fix-refused-cell = the cell is not on the file's sheet (check the sheet name and the cell, e.g. H7).
web-fix-refused-value = the value holds control characters a cell cannot hold.
web-fix-refused-long = the value is too long (at most 1,000 characters).
web-fix-column-closest = Closest fields: { $fields }
