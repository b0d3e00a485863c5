#!/usr/bin/env bash
# Submits a sharded SignalSim comparison to Slurm: a job array of SHARDS tasks (compare-array.sbatch,
# one shard each) and the merge step (merge.sbatch) that starts when every task has succeeded.
#   deploy/slurm/submit.sh SHARDS SWEEP_DIR SCENARIO [compare options...]
# e.g. deploy/slurm/submit.sh 4 results/sweep scenarios/porte-de-choisy.json --replications 20
# Run it from a directory every node sees (the tasks start there). The merged comparison lands in SWEEP_DIR/merged, the logs in SWEEP_DIR/logs. Prints the two job
# ids. Environment: SIGNALSIM (the executable, default signalsim on the PATH; give an absolute
# path the compute nodes see), SIGNALSIM_SBATCH (extra sbatch options for both jobs, e.g.
# "--partition=long --time=02:00:00"), SIGNALSIM_MERGE_OPTIONS (options of the merge, e.g.
# "--no-pdf"), SIGNALSIM_WAIT=1 (return only when the merge has finished, with its exit code).
set -euo pipefail

if [ "$#" -lt 3 ]; then
  echo "usage: $0 SHARDS SWEEP_DIR SCENARIO [compare options...]" >&2
  exit 2
fi
shards="$1"
sweep="$(realpath -m "$2")"
shift 2
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$sweep/logs"
read -r -a extra <<<"${SIGNALSIM_SBATCH:-}"
read -r -a merge_options <<<"${SIGNALSIM_MERGE_OPTIONS:-}"

# The tasks start in this directory (sbatch's default), so the scenario path is given to them as it
# is here: the tables quote it, and every shard of a study must quote it the same way.
array=$(sbatch --parsable "${extra[@]}" --array="1-$shards" --output="$sweep/logs/shard-%a.out" \
  "$here/compare-array.sbatch" "$sweep" "$shards" "$@")
array="${array%%;*}"
wait=()
if [ "${SIGNALSIM_WAIT:-0}" = 1 ]; then wait=(--wait); fi
echo "array job $array: $shards shards into $sweep/shard-K"
merge_status=0
merge=$(sbatch --parsable "${extra[@]}" "${wait[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$sweep/logs/merge.out" "$here/merge.sbatch" "$sweep" "$shards" "${merge_options[@]}") || merge_status=$?
echo "merge job ${merge%%;*}: into $sweep/merged (log $sweep/logs/merge.out)"
exit "$merge_status"
