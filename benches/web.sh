#!/usr/bin/env bash
# The web app's figures (issue 23), against its targets: the findings of
# the five 2021 samples shown within 200 ms of their upload's end (the
# server's time, on loopback), and an idle server under 30 MB resident.
#
#   bash benches/web.sh              # 7 cycles; RUNS=15 bash benches/web.sh
#
# Builds kooste with the feature `web` in release and benches/web.rs,
# which starts `kooste serve` on a free port, uploads the samples RUNS
# times (each upload makes them the year's current files, so each
# findings page checks them anew), then builds once, and reads the
# server's VmRSS and VmHWM from /proc. Called from benches/run.sh too.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --features web
cargo build --release --quiet --example web_bench
echo "== web app: kooste serve, the 2021 samples uploaded (targets: findings within 200 ms, idle under 30 MB)"
target/release/examples/web_bench target/release/kooste samples/2021
