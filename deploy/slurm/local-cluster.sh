#!/usr/bin/env bash
# A single-node Slurm cluster on this machine, for trying the deploy/slurm scripts and for the
# CI's real Slurm run: `local-cluster.sh start` creates a MUNGE key, writes a slurm.conf for
# localhost (one node with every core, one partition), and starts munged, slurmctld and slurmd;
# `local-cluster.sh stop` stops exactly the daemons it started (their pid files) and removes the
# state. Everything lives under SIGNALSIM_SLURM_DIR (default /tmp/signalsim-slurm); run Slurm
# commands with SLURM_CONF="$SIGNALSIM_SLURM_DIR/slurm.conf" (`local-cluster.sh env` prints it).
# SIGNALSIM_SLURM_PORT (default 6817) is slurmctld's port, slurmd takes the next one: give another
# pair to run beside an other cluster on the same machine.
# Needs Debian's slurm-wlm and munge (scripts/install-test-dependencies.sh installs them) and root,
# since slurmd starts jobs as their owner.
set -euo pipefail

dir="${SIGNALSIM_SLURM_DIR:-/tmp/signalsim-slurm}"
conf="$dir/slurm.conf"
socket="$dir/munge/munge.socket"
port="${SIGNALSIM_SLURM_PORT:-6817}"

need() {
  for tool in munged mungekey slurmctld slurmd sbatch sinfo scontrol; do
    if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
      echo "local-cluster: '$tool' not found; install slurm-wlm and munge (scripts/install-test-dependencies.sh)" >&2
      exit 1
    fi
  done
  if [ "$(id -u)" -ne 0 ]; then
    echo "local-cluster: run as root (slurmd starts jobs as their owner)" >&2
    exit 1
  fi
}

start() {
  need
  if [ -f "$dir/slurmctld.pid" ] && kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then
    echo "local-cluster: already running (SLURM_CONF=$conf)"
    return 0
  fi
  mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
  chmod 700 "$dir/munge"
  # MUNGE: a key of this cluster only, and a daemon on its own socket beside it.
  if [ ! -f "$dir/munge/munge.key" ]; then
    PATH="$PATH:/usr/sbin" mungekey --create --keyfile="$dir/munge/munge.key"
  fi
  chmod 400 "$dir/munge/munge.key"
  PATH="$PATH:/usr/sbin" munged --force --key-file="$dir/munge/munge.key" --socket="$socket" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"

  local node cpus memory
  node="$(hostname -s)"
  cpus="$(nproc)"
  memory="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
  cat >"$conf" <<CONF
# Single-node cluster for SignalSim's deploy/slurm scripts (written by deploy/slurm/local-cluster.sh).
ClusterName=signalsim-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/slurmd-%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
MinJobAge=300
KillWait=10
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  PATH="$PATH:/usr/sbin" slurmctld -i -f "$conf"
  PATH="$PATH:/usr/sbin" slurmd -f "$conf"
  # Ready when the node accepts work.
  for _ in $(seq 1 60); do
    if sinfo -h -N -o '%T' 2>/dev/null | grep -Eq '^(idle|mixed|allocated)'; then
      echo "local-cluster: started (node $node, $cpus CPUs); use SLURM_CONF=$conf"
      return 0
    fi
    sleep 1
  done
  echo "local-cluster: the node did not become idle within 60 s; see $dir/log" >&2
  sinfo -N -l >&2 || true
  tail -n 20 "$dir/log/slurmctld.log" "$dir/log/slurmd.log" >&2 || true
  stop
  exit 1
}

stop_pid_file() {
  local file="$1"
  [ -f "$file" ] || return 0
  local pid
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}

stop() {
  stop_pid_file "$dir/slurmd.pid"
  stop_pid_file "$dir/slurmctld.pid"
  stop_pid_file "$dir/munge/munged.pid"
  rm -rf "$dir"
  echo "local-cluster: stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
