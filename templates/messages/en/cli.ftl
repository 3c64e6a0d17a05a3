# The command line's texts: the help (kooste --help), command-line errors
# and the errors that stop a run (a file cannot be read or written). They
# are printed as "kooste: …", so an error starts with a small letter. The
# names of commands and options (build, --out) and their values (fi, xlsx,
# finnish) are the same in every language.

## The help's headings

cli-usage-heading = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
# On the usage line in place of the other options: kooste build [OPTIONS] …
cli-options-placeholder = [OPTIONS]
# After an error; $command is e.g. "kooste build".
cli-more-help = Help: { $command } --help

## Commands

cli-about = Consolidates the departments' yearly submissions to a city programme: checks every cell, merges the submissions and writes the consolidated workbook and the annual report.
cli-about-build = Reads, checks and merges the submissions and writes the consolidated workbook and the annual report.
cli-about-report = Reads, checks and merges the submissions and writes the annual report (PDF).
cli-about-merge = Reads, checks and merges the submissions and writes the consolidated workbook.
cli-about-template = Writes the workbook a department fills in (for one department or all).
cli-about-convert = Writes the submissions in the canonical layout: xlsx (the template's form), CSV or JSON.
cli-about-validate = Checks the submissions and prints every finding.
cli-about-help = Shows this help or the help of a command.

## Options

cli-arg-inputs = Submission files or folders (folders are searched with their subfolders).
cli-arg-config = Programme configuration (TOML); the built-in programme by default.
cli-arg-lang = Language of messages and outputs: fi, sv or en. By default the environment variable KOOSTE_LANG or the system's language (LC_ALL, LC_MESSAGES, LANG), else fi.
cli-arg-year = The year to report; by default the most common year of the rows.
cli-arg-date = The date given in the outputs (YYYY-MM-DD or DD.MM.YYYY); by default the newest input file's modification date.
cli-arg-max-unpacked-mb = Refuse a workbook whose parts unpack to more than this (megabytes; 1024 by default).
cli-arg-max-cells = Refuse a file with more cells than this (50,000,000 by default).
cli-arg-quiet = No progress bar.
cli-arg-verbose = With an error, also show the operating system's and the libraries' own messages.
cli-arg-help = Show the help.
cli-arg-version = Show the version.
cli-arg-out-dir = The folder the outputs are written into.
cli-arg-previous = A consolidated workbook kooste wrote for this programme and an earlier year, to compare with. May be given several times, or name a folder of earlier years' consolidated workbooks: with two earlier years or more, the trend by year is added.
cli-arg-per-department = Add a sheet for each department.
cli-arg-draft = Write the outputs despite errors, marked as drafts, without the rows in error.
cli-arg-report-template = Report template (TOML) instead of the language's built-in one.
cli-arg-report-output = The PDF to write; - writes to standard output.
cli-arg-merge-output = The workbook to write; - writes to standard output.
cli-arg-csv = Also write the merged measures to a CSV file.
cli-arg-csv-style = CSV dialect: finnish (default: semicolon separator, decimal comma, BOM) or plain (comma separator, decimal point).
cli-arg-json = Also write the merged measures to a JSON file.
cli-arg-department = The department's code or name.
cli-arg-all = Every department of the programme, into the folder --out gives.
cli-arg-template-year = The year the template is for.
cli-arg-from = A consolidated workbook kooste wrote for this programme and a year before --year: the department's measures are prefilled from it.
cli-arg-template-output = The file to write (one department).
cli-arg-template-out = The folder the templates are written into (with --all).
cli-arg-template-date = The date in the file's properties (YYYY-MM-DD or DD.MM.YYYY); 1 January of the year by default.
cli-arg-to = Output kind: xlsx (the template's form), csv or json.
cli-arg-format = Output format: text (default) or json.
cli-arg-annotate = Write a marked-up copy of each submission with findings into the folder.
cli-arg-command = The command whose help to show.

## Names of the options' values in the help (--out <DIR>): capitals, no spaces

cli-value-input = INPUT
cli-value-command = COMMAND
cli-value-file = FILE
cli-value-dir = DIR
cli-value-year = YYYY
cli-value-date = DATE
cli-value-megabytes = MB
cli-value-count = N
cli-value-lang = LANG
cli-value-style = STYLE
cli-value-kind = KIND
cli-value-department = CODE
cli-value-previous = PREV.xlsx
cli-value-pdf = FILE.pdf
cli-value-xlsx = FILE.xlsx
cli-value-consolidated = CONSOLIDATED.xlsx

## Command-line errors; the usage line is printed after them

cli-err-unknown-argument = unknown option or argument: { $arg }.
cli-err-did-you-mean = Did you mean { $suggestion }?
cli-err-unknown-command = unknown command: { $command }. Commands: { $commands }.
cli-err-missing-command = give a command: { $commands }.
cli-err-missing-value = { $arg }: the option needs a value. Write the value after the option.
cli-err-invalid-value = { $arg }: the value "{ $value }" is not allowed. Allowed values: { $allowed }.
cli-err-invalid-date = { $arg }: "{ $value }" is not a date. Write it as YYYY-MM-DD or DD.MM.YYYY, e.g. 2022-02-15 or 15.2.2022.
cli-err-invalid-number = { $arg }: "{ $value }" is not a whole number.
cli-err-invalid-argument = { $arg }: the value "{ $value }" is not allowed.
cli-err-missing-argument = { $n ->
    [one] a required argument is missing
   *[other] required arguments are missing
}: { $args }.
cli-err-conflict = { $arg } and { $other } cannot be used together; give only one of them.
cli-err-repeated = { $arg } is given more than once; give it only once.
cli-err-value-count = { $arg }: wrong number of values.
cli-err-invalid-utf8 = the command line has text that is not valid UTF-8.
cli-err-generic = the command line could not be understood. See the help with --help.

## During a run

cli-waiting-for-lock = Another kooste run is writing into { $dir }; waiting for it to finish …
# With --verbose, below an error: the operating system's or a library's own message.
cli-detail = detail: { $detail }

## Errors that stop a run

err-report-bug = This is a bug in kooste: please report it with the detail that --verbose shows.
err-write = { $path }: cannot write: { $reason }
err-not-undone = { $path }: cannot write: { $reason } Files this run had already written could not be put back: { $files }. Check them before use or run the command again.
err-stdout = cannot write to standard output: { $reason }
err-workbook = { $path }: the workbook could not be made. { err-report-bug }
err-save = { $path }: the workbook could not be saved. { err-report-bug }
err-pdf = { $path }: the report could not be made. { err-report-bug }
err-export = { $path }: the export could not be made. { err-report-bug }
err-too-many-measures = { $path }: cannot write: { $count } measures do not fit an Excel sheet (at most { $limit } rows). Split the data or use the CSV or JSON export.
err-not-a-file = { $path }: this is { $kind }, not a regular file, so kooste does not write in its place. Give a file name (or - where the output is to go to standard output).
err-node-kind = { $kind ->
    [folder] a folder
    [device] a device
    [fifo] a named pipe (FIFO)
    [socket] a socket
   *[other] a special file
}
err-no-file-name = { $path }: this is not a file name. Give the output a file name, e.g. kooste.xlsx.
err-one-stdout = { $path }: only one output can go to standard output (-). Give the others file names.
err-not-a-folder = { $path }: this is a file, not a folder, so the outputs cannot be written there. Give a folder name (a missing folder is created).
err-same-output = { $path }: the same file as the output { $other }, so one would replace the other. Give the outputs different names.
err-overwrites-input = { $path }: the output would overwrite an input, and kooste never changes its inputs. Give the output another name or folder.
err-reread = { $path }: the file changed while kooste ran, so no annotated copy was made. Run the command again once the file is no longer being edited.
err-no-previous = { $path }: there is no earlier year's consolidated workbook here. Check the path (e.g. out/kooste_2021.xlsx).
err-previous-unreadable = { $path }: the file cannot be read as an earlier year's consolidated workbook: { $reason } Give a consolidated workbook written by kooste.
err-previous-not-consolidated = { $path }: { $option } needs a consolidated workbook written by kooste (kooste build or merge writes one), and this file is not one. Give an earlier year's kooste_<year>.xlsx.
err-previous-other-programme = { $path }: the consolidated workbook is of another programme, { $theirs }, not of { $ours }. Give a workbook of this programme, or that programme's configuration with --config.
err-previous-same-year = { $path }: the consolidated workbook is of { $year }, the same year as this run; { $option } needs one of a year before { $current }.
err-previous-later-year = { $path }: the consolidated workbook is of { $year }, later than this run's { $current }; { $option } needs one of a year before { $current }.
err-previous-year-twice = { $path }: --previous names two consolidated workbooks of { $year }; the first is { $other }. Give one workbook for each earlier year.
err-not-programme-year = --year { $year }: the year is not in the programme's period { $first }–{ $last }. Give one of the programme's years, or, if the programme goes on, set { $key } = { $year } in { $file }.
err-not-programme-year-builtin = --year { $year }: the year is not in the built-in programme's period { $first }–{ $last }. Give one of the programme's years, or, if the programme goes on, copy templates/programme.toml, set { $key } = { $year } in the copy and pass it with --config.
err-unknown-department = --department { $given }: the programme has no such department. Departments: { $allowed }.
err-template-target = give either --department CODE -o FILE (one department) or --all --out DIR (every department).
err-output-option-for-folder = { $command } writes into a folder: give the folder with --out { $path }. -o (--output) names a file, as in merge, report and template --department.
err-out-option-for-file = { $command } writes one file: give the file with -o { $path }. --out names a folder, as in build, convert and template --all.
err-report-template-read = { $path }: cannot read the report template: { $reason }
err-report-template-syntax = { $path }, line { $line }: the report template is not valid. Correct the line; --verbose shows what the TOML parser expected.
err-report-template-invalid = { $path }: the report template is not valid. --verbose shows what the TOML parser expected.
err-report-template-placeholder = { $path }, { $place }: the report template has an unknown placeholder { $placeholder }. The report fills in only these: { $known }. Correct its spelling.
err-report-template-blank-title = { $path }, { $place }: the section's title is blank. The title is shown in the report, its contents and its bookmarks, so it must be readable: write one.
err-report-template-list-limit = { $path }: list_limit = 0 would leave every list empty, and the focus areas would look as if they had no measures. Give 1 or more, or remove the line (the default is 5000).
err-signals = temporary files are not removed if the run is stopped (Ctrl-C); the next run into the same folder removes them.

## The operating system's reasons: $reason above

err-io-not-found = the file or folder does not exist. Check the name and the path.
err-io-permission-denied = permission denied. Check the permissions of the file and the folder, or choose another folder.
err-io-is-a-directory = the path is a folder, not a file. Give a file name.
err-io-not-a-directory = a part of the path is not a folder. Check the path.
err-io-storage-full = the disk is full. Free some space or write to another disk.
err-io-quota-exceeded = the disk quota is full. Free some space or write to another disk.
err-io-file-too-large = the file would grow larger than the system allows. Write to another disk or split the data.
err-io-read-only = the disk is read-only. Choose another folder.
err-io-already-exists = a file or folder of that name already exists. Give another name.
err-io-invalid-name = the name cannot be a file name. Give another name.
err-io-busy = another program is using the file. Close that program and try again.
err-io-broken-pipe = the program reading the output stopped reading.
err-io-other = the operating system refused. --verbose shows its own message.
cli-about-serve = Starts the web app (built with the feature web).
cli-arg-workspace = The workspace folder: the register and the files received (kooste-tyotila by default).
cli-arg-listen = The address and port to listen on (127.0.0.1:8080 by default; port 0 picks a free one).
cli-arg-max-upload-mb = The largest upload at a time (megabytes; 50 by default).
cli-value-address = ADDRESS
