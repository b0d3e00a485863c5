// The page of replay.html: styles, controls and the player, with the data spliced in for
// /*DATA*/null. Plain JavaScript on two canvases; nothing is fetched. The player exposes
// window.replay (time, seek, play, pause, drawn) so that tests and users can drive it.
namespace SignalSim.Charts.Replay;

internal static class ReplayPage
{
    public const string Template = """
<!DOCTYPE html>
<html lang="<!--LANG-->">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title><!--TITLE--></title>
<style>
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; padding: 10px; color: #1a1a1a; background: #fafafa; }
h1 { font-size: 1.2em; margin: 0 0 8px; }
#controls { display: flex; gap: 10px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
#slider { flex: 1; min-width: 200px; }
#views { display: flex; gap: 10px; }
.view { flex: 1; min-width: 0; }
.view h2 { font-size: 1em; margin: 4px 0; }
canvas { width: 100%; background: #fff; border: 1px solid #ccc; display: block; }
#legend span { display: inline-block; margin-right: 12px; }
#legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: middle; }
</style>
</head>
<body>
<h1><!--TITLE--></h1>
<div id="controls">
<button id="play" type="button">▶</button>
<label>× <select id="speed"><option>1</option><option>2</option><option selected>5</option><option>10</option><option>30</option><option>60</option></select></label>
<input id="slider" type="range" step="1">
<span id="clock"></span>
</div>
<div id="legend"></div>
<div id="views"></div>
<script>
"use strict";
const D = /*DATA*/null;
const modeColour = { car: "#555555", bus: "#D55E00", tram: "#0072B2", cycle: "#009E73" };
const stateColour = ["#1E9E3A", "#F2B600", "#C62828"];
const centreFill = ["rgba(0,114,178,0.08)", "rgba(213,94,0,0.08)"];
function bytes(b64) { const s = atob(b64); const a = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i); return a; }
const runs = D.runs.map(r => {
  const c = bytes(r.counts), v = bytes(r.vehicles), offsets = new Uint32Array(r.frames + 1);
  for (let f = 0; f < r.frames; f++) offsets[f + 1] = offsets[f] + (c[2 * f] | (c[2 * f + 1] << 8));
  return { name: r.name, start: r.start, frames: r.frames, offsets, v, init: r.signals[0], changes: r.signals.slice(1), state: null, next: 0, at: -1 };
});
let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
for (const l of D.links) { minX = Math.min(minX, l[0], l[2]); maxX = Math.max(maxX, l[0], l[2]); minY = Math.min(minY, l[1], l[3]); maxY = Math.max(maxY, l[1], l[3]); }
for (const c of D.centres) { minX = Math.min(minX, c.box[0]); minY = Math.min(minY, c.box[1]); maxX = Math.max(maxX, c.box[2]); maxY = Math.max(maxY, c.box[3]); }
const views = document.getElementById("views");
const canvases = runs.map(r => {
  const div = document.createElement("div"); div.className = "view";
  const h = document.createElement("h2"); h.textContent = r.name; div.appendChild(h);
  const cv = document.createElement("canvas"); div.appendChild(cv); views.appendChild(div); return cv;
});
document.getElementById("legend").innerHTML = D.modes.map(m => `<span><i style="background:${modeColour[m]}"></i>${m}</span>`).join("");
const slider = document.getElementById("slider"), clock = document.getElementById("clock"), playButton = document.getElementById("play"), speed = document.getElementById("speed");
slider.min = D.start; slider.max = D.end; slider.value = D.start;
let time = D.start, playing = false, last = null;
const drawn = runs.map(() => 0);
function signalsAt(run, t) {
  const ticks = t * 1000;
  if (run.state === null || ticks < run.at) { run.state = run.init.slice(); run.next = 0; }
  while (run.next < run.changes.length && run.changes[run.next][0] <= ticks) { const c = run.changes[run.next++]; run.state[c[1]] = c[2]; }
  run.at = ticks;
  return run.state;
}
function draw() {
  const t = Math.floor(time);
  runs.forEach((run, i) => {
    const cv = canvases[i], w = cv.clientWidth, hgt = Math.round(w * 0.75);
    if (cv.width !== w || cv.height !== hgt) { cv.width = w; cv.height = hgt; }
    const g = cv.getContext("2d"), pad = 20;
    const k = Math.min((w - 2 * pad) / (maxX - minX || 1), (hgt - 2 * pad) / (maxY - minY || 1));
    const X = x => pad + (x - minX) * k, Y = y => hgt - pad - (y - minY) * k;
    g.clearRect(0, 0, w, hgt);
    D.centres.forEach((c, j) => {
      g.fillStyle = centreFill[j % 2]; g.fillRect(X(c.box[0]), Y(c.box[3]), (c.box[2] - c.box[0]) * k, (c.box[3] - c.box[1]) * k);
      g.fillStyle = "#444"; g.font = "12px DejaVu Sans, Arial"; g.fillText(c.name, X(c.box[0]) + 4, Y(c.box[3]) + 14);
    });
    g.strokeStyle = "#bbbbbb"; g.lineWidth = 2;
    for (const l of D.links) { g.beginPath(); g.moveTo(X(l[0]), Y(l[1])); g.lineTo(X(l[2]), Y(l[3])); g.stroke(); }
    const states = signalsAt(run, t);
    for (const [li, grp] of D.heads) {
      const l = D.links[li], dx = l[2] - l[0], dy = l[3] - l[1], len = Math.hypot(dx, dy) || 1;
      g.fillStyle = stateColour[states[grp]];
      g.beginPath(); g.arc(X(l[2] - dx / len * 6), Y(l[3] - dy / len * 6), 3, 0, 2 * Math.PI); g.fill();
    }
    let count = 0;
    const f = t - run.start;
    if (f >= 0 && f < run.frames) {
      const v = run.v;
      for (let n = run.offsets[f]; n < run.offsets[f + 1]; n++) {
        const code = v[3 * n] | (v[3 * n + 1] << 8), l = D.links[code & 0x1FFF], frac = v[3 * n + 2] / 255;
        g.fillStyle = modeColour[D.modes[code >> 13]] || "#000";
        const x = X(l[0] + (l[2] - l[0]) * frac), y = Y(l[1] + (l[3] - l[1]) * frac);
        g.fillRect(x - 2, y - 2, 4, 4);
        count++;
      }
    }
    drawn[i] = count;
  });
  const s = Math.max(0, t), hh = String(Math.floor(s / 3600)).padStart(2, "0"), mm = String(Math.floor(s / 60) % 60).padStart(2, "0"), ss = String(s % 60).padStart(2, "0");
  clock.textContent = `${hh}:${mm}:${ss}`;
  slider.value = t;
}
function frame(now) {
  if (playing) {
    if (last !== null) time = Math.min(D.end, time + (now - last) / 1000 * Number(speed.value));
    last = now;
    if (time >= D.end) pause();
    draw();
  }
  requestAnimationFrame(frame);
}
function play() { if (time >= D.end) time = D.start; playing = true; last = null; playButton.textContent = "❚❚"; }
function pause() { playing = false; playButton.textContent = "▶"; }
function seek(t) { time = Math.max(D.start, Math.min(D.end, t)); draw(); }
playButton.addEventListener("click", () => playing ? pause() : play());
slider.addEventListener("input", () => seek(Number(slider.value)));
window.addEventListener("resize", draw);
window.replay = { get time() { return time; }, seek, play, pause, drawn };
draw();
requestAnimationFrame(frame);
</script>
</body>
</html>
""";
}
