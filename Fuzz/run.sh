#!/bin/bash
# Fuzzes the readers with libFuzzer: builds kg-fuzz with -sanitize=fuzzer,address into .build-fuzz and runs each
# target for SECONDS (default 600) on its corpus (Fuzz/corpus/TARGET, grown in a scratch copy), writing any crash,
# leak or timeout input to Fuzz/crashers/TARGET/ — commit those: FuzzRegressionTests replays them on every test run.
#   Fuzz/run.sh [SECONDS] [TARGET...]     targets: text segmenter html docx zip snapshot (default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(text segmenter html docx zip snapshot)
swift build --build-path .build-fuzz -c release --product kg-fuzz \
    -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
binary=.build-fuzz/release/kg-fuzz
status=0
for t in "${targets[@]}"; do
    scratch=$(mktemp -d); mkdir -p Fuzz/crashers/$t
    cp -r Fuzz/corpus/$t/. "$scratch"/
    echo "== $t: ${seconds}s"
    if ! KG_FUZZ_TARGET=$t LSAN_OPTIONS=suppressions=Fuzz/lsan.supp "$binary" "$scratch" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
            -max_len=262144 -artifact_prefix=Fuzz/crashers/$t/ -print_final_stats=1 2>&1 | tail -12; then
        status=1
    fi
    echo "   corpus grew to $(ls "$scratch" | wc -l) inputs"
    rm -rf "$scratch"
done
exit $status
