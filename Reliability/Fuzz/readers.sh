#!/usr/bin/env bash
# Coverage-guided fuzzing of the byte-level readers — the JSON pull parser, the CSV/TSV record
# reader, the period syntax, the ZIP archive reader — with libFuzzer and AddressSanitizer from the toolchain. Each run is
# bounded (--runs) and reproducible (--seed); inputs that reach new code are kept in the corpus
# under Tests/CaravanReliabilityTests/ReaderCorpus/READER/, which `swift test` replays. A crash or
# an ASan report stops the run with the input saved under Reliability/work/readers/.
#   Reliability/Fuzz/readers.sh [--runs 200000] [--seed 1] [json records period zip]
set -euo pipefail
cd "$(dirname "$0")/../.."

runs=200000
seed=1
readers=()
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) readers+=("$1"); shift ;;
    esac
done
[ ${#readers[@]} -gt 0 ] || readers=(json records period zip)

# A build of its own: every Swift module instrumented, the entry point libFuzzer's.
swift build -c release --product caravan-readers-fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >/dev/null
fuzzer=.build-fuzz/release/caravan-readers-fuzz

# Where each reader's seeds are: the importers' seed files in its format.
seeds() {
    case "$1" in
    json) echo Reliability/Fuzz/Seeds/network Reliability/Fuzz/Seeds/comtrade-json ;;
    records) echo Reliability/Fuzz/Seeds/{figures,baci,comtrade-csv,comtrade-tsv,legacy,flows,tariffs,groups} ;;
    period) echo Reliability/Fuzz/Seeds/period ;;
    zip) echo Reliability/Fuzz/Seeds/zip ;;
    esac
}

for reader in "${readers[@]}"; do
    corpus=Tests/CaravanReliabilityTests/ReaderCorpus/$reader
    work=Reliability/work/readers/$reader
    mkdir -p "$corpus" "$work/new"
    echo "== $reader: $runs runs, seed $seed"
    # New inputs go to a scratch corpus first; a merge then keeps only those that add coverage.
    # Swift's own crash reporter reads memory ASan guards: let ASan report a trap instead.
    SWIFT_BACKTRACE=enable=no CARAVAN_FUZZ_READER=$reader "$fuzzer" -seed="$seed" -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$work/" -print_final_stats=1 "$work/new" "$corpus" $(seeds "$reader") 2>"$work/log" || {
        tail -40 "$work/log" >&2
        echo "$reader: the fuzzer stopped on a finding; its input is in $work/" >&2
        exit 1
    }
    grep -E "^(stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|stat::new_units_added)" "$work/log" || true
    grep -E "cov: [0-9]+" "$work/log" | tail -1
    CARAVAN_FUZZ_READER=$reader "$fuzzer" -merge=1 "$corpus" "$work/new" >/dev/null 2>>"$work/log"
    rm -rf "$work/new"
    echo "$reader: corpus of $(ls "$corpus" | wc -l) inputs"
done
