# The web app's history (kooste serve, /history).
web-nav-history = History
web-history-title = Earlier years and submissions
web-history-intro = Nothing is replaced or deleted: a department's newer file becomes its current submission, and the older ones stay here to download.
web-history-none = No submissions or builds yet.
web-history-year = Year { $year }
web-history-builds = Builds of { $year }
web-history-submissions = Submissions of { $year }
web-history-builds-none = Nothing has been built for the year.
web-col-inputs = Input files
web-col-options = Options
web-col-outputs = Outputs
web-col-received = Received
web-col-size = Size
web-col-sha256 = SHA-256
web-history-current = Current
web-history-earlier = Earlier
web-history-bytes = { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}
web-history-lang = language: { $lang }
web-history-no-department = (department unknown)
web-department-history-title = { $department }: submissions of { $year }
web-department-history-link = All of the department's submissions of { $year }
# kooste started from a desktop (no arguments, no terminal).
web-desktop-no-browser = The browser could not be opened; open { $url } yourself.
web-history-withdrawn = Withdrawn
web-history-all = all years
