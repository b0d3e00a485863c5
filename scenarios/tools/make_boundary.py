#!/usr/bin/env python3
"""Writes scenarios/paris-val-de-marne-boundary.json, the whole Paris / Val-de-Marne boundary.

The boulevards des Maréchaux (Masséna, the boulevard by the Seine, Poniatowski, Soult) with
the T3a from Porte d'Italie to Porte de Vincennes; eight portes, each with its radial road
crossing the boulevard (PC Lutèce) and the first crossing beyond the border (Parcival); bus
lines, cycle tracks and pedestrian crossings at every porte; both centres' all-day plan
schedules (night 50 s, day 90 s, peak 120 s in Paris near the tram) and a 24-hour demand
profile per entry. The scenario is regular by construction (every porte is built from the same
template with its own lengths, flows and lines), so it is generated: edit this script and run

    python3 scenarios/tools/make_boundary.py

from the repository root; the JSON it writes is what ships and what SignalSim reads.
Only the Python standard library is used; the output is deterministic.
"""
import json
import math
import os

# ---------------------------------------------------------------------------------------------
# The portes, from west (Porte d'Italie) to north-east (Porte de Vincennes).
# x, y: position of the Maréchaux crossing (m, east and north of Porte d'Italie), approximate.
# out_dir: unit vector from the boulevard towards the Val-de-Marne.
# avenue_m: length from the Maréchaux stop line to the first Parcival crossing (avenue de la
# Porte-de-X; public lengths where known, else assumed).
# flows (veh/h at the peak hour): paris = radial entry from inside Paris, vdm = radial entry from
# the Val-de-Marne, cross = each arm of the Parcival cross street.
# ---------------------------------------------------------------------------------------------
PORTES = [
    dict(id="italie", fr="Porte d'Italie", boulevard="boulevard Masséna / boulevard Kellermann",
         paris_street="avenue d'Italie", avenue="avenue de la Porte-d'Italie", vdm_street="RD7 (avenue de Fontainebleau)",
         town="Le Kremlin-Bicêtre", cross="premier carrefour du Kremlin-Bicêtre", cross_en="first crossing in Le Kremlin-Bicêtre",
         x=0, y=0, out=(0.0, -1.0), avenue_m=330, station="porte-d-italie",
         paris=380, vdm=400, crossflow=150, lines=[("47", 360), ("131", 480)]),
    dict(id="choisy", fr="Porte de Choisy", boulevard="boulevard Masséna",
         paris_street="avenue de Choisy", avenue="avenue de la Porte-de-Choisy", vdm_street="RD5 (avenue de Verdun)",
         town="Ivry-sur-Seine", cross="boulevard Hippolyte-Marquès", cross_en="boulevard Hippolyte-Marquès",
         x=700, y=40, out=(0.0, -1.0), avenue_m=310, station="porte-de-choisy",
         paris=320, vdm=340, crossflow=130, lines=[("rd5", 480)]),
    dict(id="ivry", fr="Porte d'Ivry", boulevard="boulevard Masséna",
         paris_street="avenue d'Ivry", avenue="avenue de la Porte-d'Ivry", vdm_street="avenue Maurice-Thorez",
         town="Ivry-sur-Seine", cross="premier carrefour d'Ivry-sur-Seine", cross_en="first crossing in Ivry-sur-Seine",
         x=1300, y=140, out=(0.1, -1.0), avenue_m=240, station="porte-d-ivry",
         paris=280, vdm=300, crossflow=120, lines=[("ivry", 600)]),
    dict(id="vitry", fr="Porte de Vitry", boulevard="boulevard Masséna",
         paris_street="rue de Patay", avenue="avenue de la Porte-de-Vitry", vdm_street="avenue Pierre-Semard",
         town="Ivry-sur-Seine", cross="premier carrefour d'Ivry-sur-Seine", cross_en="first crossing in Ivry-sur-Seine",
         x=1900, y=300, out=(0.3, -1.0), avenue_m=345, station="porte-de-vitry-maryse-bastie",
         paris=260, vdm=280, crossflow=110, lines=[("vitry", 600)]),
    dict(id="bercy", fr="Porte de Bercy", boulevard="boulevard Poniatowski (quai de Bercy)",
         paris_street="quai de Bercy", avenue="quai de Bercy, au-delà du boulevard", vdm_street="quai des Carrières",
         town="Charenton-le-Pont", cross="premier carrefour de Charenton-le-Pont", cross_en="first crossing in Charenton-le-Pont",
         x=3300, y=900, out=(1.0, -0.3), avenue_m=300, station=None,
         paris=300, vdm=320, crossflow=110, lines=[("24", 600), ("109", 720)]),
    dict(id="charenton", fr="Porte de Charenton", boulevard="boulevard Poniatowski",
         paris_street="rue de Charenton", avenue="avenue de la Porte-de-Charenton", vdm_street="rue de Paris (RD6)",
         town="Charenton-le-Pont", cross="avenue de Gravelle", cross_en="avenue de Gravelle",
         x=3600, y=1400, out=(0.7, -0.7), avenue_m=360, station="porte-de-charenton",
         paris=300, vdm=340, crossflow=140, lines=[("77", 480), ("87", 600), ("111", 600)]),
    dict(id="doree", fr="Porte Dorée", boulevard="boulevard Poniatowski / boulevard Soult",
         paris_street="avenue Daumesnil", avenue="avenue Daumesnil, au-delà du boulevard", vdm_street="avenue Daumesnil (Saint-Mandé)",
         town="Saint-Mandé", cross="premier carrefour de Saint-Mandé", cross_en="first crossing in Saint-Mandé",
         x=3900, y=2250, out=(1.0, 0.0), avenue_m=400, station="porte-doree",
         paris=260, vdm=260, crossflow=100, lines=[("46", 600)]),
    dict(id="vincennes", fr="Porte de Vincennes", boulevard="boulevard Soult / boulevard Davout",
         paris_street="cours de Vincennes", avenue="avenue de la Porte-de-Vincennes", vdm_street="cours de Vincennes (Saint-Mandé)",
         town="Saint-Mandé", cross="premier carrefour de Saint-Mandé", cross_en="first crossing in Saint-Mandé",
         x=4000, y=3500, out=(1.0, 0.0), avenue_m=330, station="porte-de-vincennes",
         paris=340, vdm=360, crossflow=130, lines=[("86", 480), ("56", 600)]),
]

# T3a stations between portes: (after porte index k, fraction of the link to the next porte, id).
INTERMEDIATE_STATIONS = [
    (3, 0.45, "avenue-de-france"), (4, 0.5, "baron-le-roy"),
    (6, 0.33, "montempoivre"), (6, 0.67, "alexandra-david-neel"),
]

DAY_START_TOD_S = 85500          # 23:45: the 15-minute warm-up ends at midnight
WARMUP_S = 900
DURATION_S = 86400
COOLDOWN_S = 900

# Share of the peak-hour flow in each hour of the day (00:00-01:00 first), inbound (towards
# Paris: morning peak) and outbound (evening peak). Assumed, shaped like the usual urban profile.
PROFILE_IN = [0.30, 0.26, 0.25, 0.25, 0.27, 0.36, 0.60, 0.90, 1.00, 0.85, 0.70, 0.68,
              0.70, 0.70, 0.68, 0.72, 0.80, 0.85, 0.85, 0.75, 0.60, 0.50, 0.42, 0.35]
PROFILE_OUT = [0.30, 0.26, 0.25, 0.25, 0.26, 0.32, 0.50, 0.75, 0.82, 0.72, 0.68, 0.68,
               0.72, 0.72, 0.70, 0.75, 0.88, 1.00, 1.00, 0.85, 0.65, 0.52, 0.44, 0.36]
# Bus headway factor by hour (None: no service), against the line's daytime headway; the tram likewise.
BUS_SERVICE = [None, None, None, None, None, None, 1.25, 0.8, 0.8, 0.8, 1.0, 1.0,
               1.0, 1.0, 1.0, 1.0, 0.8, 0.8, 0.8, 1.0, 1.25, 1.5, 1.5, 1.5]
TRAM_SERVICE = [1.8, None, None, None, None, 1.8, 1.2, 0.75, 0.75, 0.75, 1.0, 1.0,
                1.0, 1.0, 1.0, 1.0, 0.75, 0.75, 0.75, 1.0, 1.2, 1.5, 1.5, 1.8]

PARIS_PLANS = {"night": (50, 14), "day": (90, 30), "peak": (120, 40)}   # cycle, radial green
VDM_PLANS = {"night": (50, 12), "day": (90, 24), "peak": (100, 28)}      # cycle, cross-street green
PARIS_SCHEDULE = [(0, "night"), (23400, "day"), (27000, "peak"), (34200, "day"), (59400, "peak"), (70200, "day"), (79200, "night")]
VDM_SCHEDULE = [(0, "night"), (21600, "day"), (25200, "peak"), (34200, "day"), (59400, "peak"), (70200, "day"), (81000, "night")]

BOULEVARD_SPEED_KMH = 50
RADIAL_SPEED_KMH = 30
PARIS_SIDE_M = 300
VDM_SIDE_M = 300
CROSS_ARM_M = 200


def sim_time_of_hour(h):
    """Simulation seconds at which hour h of the measured day starts."""
    return WARMUP_S + h * 3600


def lt(fr, en):
    return {"fr": fr, "en": en}


def dist(a, b):
    return math.hypot(a[0] - b[0], a[1] - b[1])


def rnd(v):
    return round(v, 1)


def demand_periods(peak, profile):
    periods = [{"start_s": 0, "flow_veh_per_h": round(peak * profile[23])}]
    for h in range(24):
        periods.append({"start_s": sim_time_of_hour(h), "flow_veh_per_h": round(peak * profile[h])})
    return periods


def timetable(headway_s, service, phase_s):
    """Departures of a line over the whole run: each hour at the hour's headway (None: none)."""
    times = []
    end = WARMUP_S + DURATION_S + COOLDOWN_S - 60
    # The warm-up runs on hour 23's service (the evening before).
    hours = [(0, WARMUP_S, service[23])] + [(sim_time_of_hour(h), sim_time_of_hour(h) + 3600, service[h]) for h in range(24)]
    t = phase_s
    for start, stop, factor in hours:
        if factor is None:
            continue
        h = headway_s * factor
        t = max(t, start)
        while t < stop and t < end:
            times.append(round(t, 1))
            t += h
    return times


def paris_plan(cycle, radial_green, offset):
    # Boulevard (both directions), the T3a and the crossings of the radial green across cycle
    # time 0 in every plan (so plan changes by the dwell method are safe); the radial and the
    # crossings of the boulevard after them. Boulevard green ends at 10 s.
    a = 10
    radial_start = a + 6
    radial_end = radial_start + radial_green
    boulevard_start = radial_end + 7
    return {"cycle_s": cycle, "offset_s": rnd(offset % cycle), "greens": {
        "boulevard": {"start_s": boulevard_start, "end_s": a},
        "t3a": {"start_s": boulevard_start, "end_s": a},
        "ped-radial": {"start_s": boulevard_start - 1, "end_s": a},
        "radial": {"start_s": radial_start, "end_s": radial_end},
        "ped-boulevard": {"start_s": radial_start, "end_s": radial_end},
    }}


def vdm_plan(cycle, cross_green, offset):
    a = 10
    cross_start = a + 6
    cross_end = cross_start + cross_green
    radial_start = cross_end + 6
    return {"cycle_s": cycle, "offset_s": rnd(offset % cycle), "greens": {
        "radial": {"start_s": radial_start, "end_s": a},
        "ped-cross": {"start_s": radial_start - 1, "end_s": a},
        "cross": {"start_s": cross_start, "end_s": cross_end},
        "ped-radial": {"start_s": cross_start, "end_s": cross_end},
    }}


def build():
    n = len(PORTES)
    pos = [(p["x"], p["y"]) for p in PORTES]
    # Distance along the boulevard from Porte d'Italie to each porte.
    along = [0.0]
    for k in range(1, n):
        along.append(along[-1] + dist(pos[k - 1], pos[k]))
    west_end = (pos[0][0] - 400, pos[0][1])
    east_end = (pos[-1][0], pos[-1][1] + 400)
    boundaries = [
        {"id": "kellermann-west", "name": "boulevard Kellermann, towards Porte de Gentilly", "x_m": west_end[0], "y_m": west_end[1]},
        {"id": "davout-north", "name": "boulevard Davout, towards Porte de Montreuil", "x_m": east_end[0], "y_m": east_end[1]},
    ]
    links, intersections, demand, lines = [], [], [], []

    def link(id_, name, frm, to, length, speed, kinds):
        links.append({"id": id_, "name": name, "from": frm, "to": to, "length_m": round(length), "speed_limit_kmh": speed,
                      "lanes": len(kinds), "lane_kinds": kinds})

    # Boulevard and tram links between consecutive portes ("e": towards Vincennes, "w": towards Italie).
    nodes = ["kellermann-west"] + [f"{p['id']}-mar" for p in PORTES] + ["davout-north"]
    points = [west_end] + pos + [east_end]
    for i in range(len(nodes) - 1):
        a, b = nodes[i], nodes[i + 1]
        length = dist(points[i], points[i + 1])
        link(f"mar-e-{i}", f"boulevards des Maréchaux towards Porte de Vincennes, segment {i}", a, b, length, BOULEVARD_SPEED_KMH, ["general", "general"])
        link(f"mar-w-{i}", f"boulevards des Maréchaux towards Porte d'Italie, segment {i}", b, a, length, BOULEVARD_SPEED_KMH, ["general", "general"])
        link(f"t3a-e-{i}", f"T3a towards Porte de Vincennes, segment {i}", a, b, length, BOULEVARD_SPEED_KMH, ["tram"])
        link(f"t3a-w-{i}", f"T3a towards Porte d'Italie, segment {i}", b, a, length, BOULEVARD_SPEED_KMH, ["tram"])

    peak_boulevard = 620
    demand.append({"id": "boulevard-east", "periods": demand_periods(peak_boulevard, PROFILE_OUT), "routes": []})
    demand.append({"id": "boulevard-west", "periods": demand_periods(peak_boulevard, PROFILE_IN), "routes": []})
    east_routes = demand[0]["routes"]
    west_routes = demand[1]["routes"]

    for k, p in enumerate(PORTES):
        pid = p["id"]
        P = f"{pid}-mar"
        V = f"{pid}-vdm"
        ox, oy = p["out"]
        norm = math.hypot(ox, oy)
        ox, oy = ox / norm, oy / norm
        px, py = pos[k]
        vx, vy = px + ox * p["avenue_m"], py + oy * p["avenue_m"]
        inner = (px - ox * PARIS_SIDE_M, py - oy * PARIS_SIDE_M)
        outer = (vx + ox * VDM_SIDE_M, vy + oy * VDM_SIDE_M)
        # Cross street at V: perpendicular to the radial.
        cx, cy = -oy, ox
        arm_a = (vx + cx * CROSS_ARM_M, vy + cy * CROSS_ARM_M)
        arm_b = (vx - cx * CROSS_ARM_M, vy - cy * CROSS_ARM_M)
        for bid, name, pt in [(f"{pid}-paris", f"{p['paris_street']}, towards the centre of Paris", inner),
                              (f"{pid}-town", f"{p['vdm_street']}, towards {p['town']}", outer),
                              (f"{pid}-cross-a", f"{p['cross_en']}, one side", arm_a),
                              (f"{pid}-cross-b", f"{p['cross_en']}, other side", arm_b)]:
            boundaries.append({"id": bid, "name": name, "x_m": rnd(pt[0]), "y_m": rnd(pt[1])})

        # Radial links: bus lane on lane 0 where the street allows (every avenue; the Paris side
        # streets; the Val-de-Marne street towards Paris). Cycle tracks along every radial.
        link(f"{pid}-paris-out", f"{p['paris_street']} outbound", f"{pid}-paris", P, PARIS_SIDE_M, RADIAL_SPEED_KMH, ["bus", "general"])
        link(f"{pid}-paris-in", f"{p['paris_street']} inbound", P, f"{pid}-paris", PARIS_SIDE_M, RADIAL_SPEED_KMH, ["bus", "general"])
        link(f"{pid}-avenue-out", f"{p['avenue']} outbound", P, V, p["avenue_m"], RADIAL_SPEED_KMH, ["bus", "general", "general"])
        link(f"{pid}-avenue-in", f"{p['avenue']} inbound", V, P, p["avenue_m"], RADIAL_SPEED_KMH, ["bus", "general", "general"])
        link(f"{pid}-town-out", f"{p['vdm_street']} outbound", V, f"{pid}-town", VDM_SIDE_M, RADIAL_SPEED_KMH, ["general", "general"])
        link(f"{pid}-town-in", f"{p['vdm_street']} inbound", f"{pid}-town", V, VDM_SIDE_M, RADIAL_SPEED_KMH, ["bus", "general"])
        link(f"{pid}-cross-a-in", f"{p['cross_en']} towards the radial", f"{pid}-cross-a", V, CROSS_ARM_M, RADIAL_SPEED_KMH, ["general"])
        link(f"{pid}-cross-a-out", f"{p['cross_en']} from the radial", V, f"{pid}-cross-a", CROSS_ARM_M, RADIAL_SPEED_KMH, ["general"])
        link(f"{pid}-cross-b-in", f"{p['cross_en']} towards the radial", f"{pid}-cross-b", V, CROSS_ARM_M, RADIAL_SPEED_KMH, ["general"])
        link(f"{pid}-cross-b-out", f"{p['cross_en']} from the radial", V, f"{pid}-cross-b", CROSS_ARM_M, RADIAL_SPEED_KMH, ["general"])
        for seg, frm, to, length in [("paris-out", f"{pid}-paris", P, PARIS_SIDE_M), ("paris-in", P, f"{pid}-paris", PARIS_SIDE_M),
                                     ("avenue-out", P, V, p["avenue_m"]), ("avenue-in", V, P, p["avenue_m"]),
                                     ("town-out", V, f"{pid}-town", VDM_SIDE_M), ("town-in", f"{pid}-town", V, VDM_SIDE_M)]:
            link(f"cycle-{pid}-{seg}", f"cycle track, {p['avenue']} ({seg})", frm, to, length, RADIAL_SPEED_KMH, ["cycle"])

        mar_in_e, mar_out_e = f"mar-e-{k}", f"mar-e-{k + 1}"
        mar_in_w, mar_out_w = f"mar-w-{k + 1}", f"mar-w-{k}"
        # Right turns: travelling towards Vincennes (roughly north-east, the Val-de-Marne on the
        # right) a right turn leads out of Paris; towards Italie it leads into Paris.
        movements = [
            {"from": mar_in_e, "to": mar_out_e, "group": "boulevard"},
            {"from": mar_in_e, "to": f"{pid}-avenue-out", "lanes": [0], "group": "boulevard", "turn_speed_kmh": 20},
            {"from": mar_in_w, "to": mar_out_w, "group": "boulevard"},
            {"from": mar_in_w, "to": f"{pid}-paris-in", "lanes": [0], "group": "boulevard", "turn_speed_kmh": 20},
            {"from": f"{pid}-paris-out", "to": f"{pid}-avenue-out", "group": "radial"},
            {"from": f"{pid}-paris-out", "to": mar_out_w, "lanes": [1], "group": "radial", "turn_speed_kmh": 20},
            {"from": f"{pid}-avenue-in", "to": f"{pid}-paris-in", "group": "radial"},
            {"from": f"{pid}-avenue-in", "to": mar_out_e, "lanes": [1], "group": "radial", "turn_speed_kmh": 20},
            {"from": f"t3a-e-{k}", "to": f"t3a-e-{k + 1}", "group": "t3a"},
            {"from": f"t3a-w-{k + 1}", "to": f"t3a-w-{k}", "group": "t3a"},
            {"from": f"cycle-{pid}-paris-out", "to": f"cycle-{pid}-avenue-out", "group": "radial"},
            {"from": f"cycle-{pid}-avenue-in", "to": f"cycle-{pid}-paris-in", "group": "radial"},
        ]
        offset_p = {name: (along[k] / (BOULEVARD_SPEED_KMH / 3.6)) for name in PARIS_PLANS}
        intersections.append({
            "id": P,
            "name": lt(f"{p['fr']} : {p['paris_street']} / {p['avenue']} × {p['boulevard']} (T3a)",
                       f"{p['fr']}: {p['paris_street']} / {p['avenue']} × {p['boulevard']} (T3a)"),
            "centre": "paris", "x_m": px, "y_m": py,
            "signal_groups": [
                {"id": "boulevard", "description": "boulevard, both directions, through and right", "min_green_s": 10},
                {"id": "t3a", "kind": "tram", "description": "T3a, both directions", "min_green_s": 6},
                {"id": "radial", "description": "radial road, both directions, through and right, and its cycle tracks", "min_green_s": 10},
                {"id": "ped-radial", "kind": "pedestrian", "amber_s": 0, "description": "crossings of the radial road", "min_green_s": 10},
                {"id": "ped-boulevard", "kind": "pedestrian", "amber_s": 0, "description": "crossings of the boulevard and the T3a, in two halves", "min_green_s": 10},
            ],
            "intergreens": [
                {"from": "boulevard", "to": "radial", "intergreen_s": 6}, {"from": "radial", "to": "boulevard", "intergreen_s": 7},
                {"from": "t3a", "to": "radial", "intergreen_s": 6}, {"from": "radial", "to": "t3a", "intergreen_s": 7},
                {"from": "ped-radial", "to": "radial", "intergreen_s": 6}, {"from": "radial", "to": "ped-radial", "intergreen_s": 6},
                {"from": "ped-boulevard", "to": "boulevard", "intergreen_s": 7}, {"from": "boulevard", "to": "ped-boulevard", "intergreen_s": 6},
                {"from": "ped-boulevard", "to": "t3a", "intergreen_s": 7}, {"from": "t3a", "to": "ped-boulevard", "intergreen_s": 6},
            ],
            "movements": movements,
            "crossings": [
                {"id": "radial-paris-side", "length_m": 16, "group": "ped-radial", "flow_forward_ped_per_hour": 150, "flow_backward_ped_per_hour": 150},
                {"id": "radial-border-side", "length_m": 16, "group": "ped-radial", "flow_forward_ped_per_hour": 100, "flow_backward_ped_per_hour": 100},
                {"id": "boulevard-west-half", "length_m": 14, "group": "ped-boulevard", "flow_forward_ped_per_hour": 150, "flow_backward_ped_per_hour": 150},
                {"id": "boulevard-east-half", "length_m": 14, "group": "ped-boulevard", "flow_forward_ped_per_hour": 150, "flow_backward_ped_per_hour": 150},
            ],
            "plans": {name: paris_plan(c, g, offset_p[name]) for name, (c, g) in PARIS_PLANS.items()},
        })
        offset_v = {name: offset_p[name] + p["avenue_m"] / (RADIAL_SPEED_KMH / 3.6) for name in VDM_PLANS}
        intersections.append({
            "id": V,
            "name": lt(f"{p['avenue']} × {p['cross']} ({p['town']}, configuration supposée)",
                       f"{p['avenue']} × {p['cross_en']} ({p['town']}, layout assumed)"),
            "centre": "val-de-marne", "x_m": rnd(vx), "y_m": rnd(vy),
            "signal_groups": [
                {"id": "radial", "description": "radial road, both directions, all movements, and its cycle tracks", "min_green_s": 10},
                {"id": "cross", "description": "cross street, both directions", "min_green_s": 10},
                {"id": "ped-radial", "kind": "pedestrian", "amber_s": 0, "description": "crossings of the radial road", "min_green_s": 10},
                {"id": "ped-cross", "kind": "pedestrian", "amber_s": 0, "description": "crossings of the cross street", "min_green_s": 10},
            ],
            "intergreens": [
                {"from": "radial", "to": "cross", "intergreen_s": 6}, {"from": "cross", "to": "radial", "intergreen_s": 6},
                {"from": "ped-radial", "to": "radial", "intergreen_s": 6}, {"from": "radial", "to": "ped-radial", "intergreen_s": 6},
                {"from": "ped-cross", "to": "cross", "intergreen_s": 6}, {"from": "cross", "to": "ped-cross", "intergreen_s": 5},
            ],
            "movements": [
                {"from": f"{pid}-avenue-out", "to": f"{pid}-town-out", "group": "radial"},
                {"from": f"{pid}-avenue-out", "to": f"{pid}-cross-b-out", "lanes": [1], "group": "radial", "turn_speed_kmh": 20},
                {"from": f"{pid}-town-in", "to": f"{pid}-avenue-in", "group": "radial"},
                {"from": f"{pid}-town-in", "to": f"{pid}-cross-a-out", "lanes": [1], "group": "radial", "turn_speed_kmh": 20},
                {"from": f"{pid}-cross-a-in", "to": f"{pid}-avenue-in", "group": "cross"},
                {"from": f"{pid}-cross-a-in", "to": f"{pid}-cross-b-out", "group": "cross"},
                {"from": f"{pid}-cross-b-in", "to": f"{pid}-town-out", "group": "cross"},
                {"from": f"{pid}-cross-b-in", "to": f"{pid}-cross-a-out", "group": "cross"},
                {"from": f"cycle-{pid}-avenue-out", "to": f"cycle-{pid}-town-out", "group": "radial"},
                {"from": f"cycle-{pid}-town-in", "to": f"cycle-{pid}-avenue-in", "group": "radial"},
            ],
            "crossings": [
                {"id": "radial-north", "length_m": 14, "group": "ped-radial", "flow_forward_ped_per_hour": 80, "flow_backward_ped_per_hour": 80},
                {"id": "radial-south", "length_m": 14, "group": "ped-radial", "flow_forward_ped_per_hour": 80, "flow_backward_ped_per_hour": 80},
                {"id": "cross-a", "length_m": 10, "group": "ped-cross", "flow_forward_ped_per_hour": 60, "flow_backward_ped_per_hour": 60},
                {"id": "cross-b", "length_m": 10, "group": "ped-cross", "flow_forward_ped_per_hour": 60, "flow_backward_ped_per_hour": 60},
            ],
            "plans": {name: vdm_plan(c, g, offset_v[name]) for name, (c, g) in VDM_PLANS.items()},
        })

        # Demand. Paris side entry (outbound, evening peak): through to the town 65 %, right
        # onto the boulevard towards Italie 20 %, on to the cross street 15 %.
        q = p["paris"]
        demand.append({"id": f"{pid}-from-paris", "periods": demand_periods(q, PROFILE_OUT), "routes": [
            {"id": "to-town", "share": 65, "links": [f"{pid}-paris-out", f"{pid}-avenue-out", f"{pid}-town-out"]},
            # Onto the boulevard towards Italie and into Paris at the next porte (or on past Italie).
            {"id": "to-boulevard", "share": 20, "links": [f"{pid}-paris-out", mar_out_w] + ([f"{PORTES[k - 1]['id']}-paris-in"] if k > 0 else [])},
            {"id": "to-cross-street", "share": 15, "links": [f"{pid}-paris-out", f"{pid}-avenue-out", f"{pid}-cross-b-out"]},
        ]})
        q = p["vdm"]
        demand.append({"id": f"{pid}-from-town", "periods": demand_periods(q, PROFILE_IN), "routes": [
            {"id": "to-paris", "share": 60, "links": [f"{pid}-town-in", f"{pid}-avenue-in", f"{pid}-paris-in"]},
            # Onto the boulevard towards Vincennes and out at the next porte (or on past Vincennes).
            {"id": "to-boulevard", "share": 25, "links": [f"{pid}-town-in", f"{pid}-avenue-in", mar_out_e]
             + ([f"{PORTES[k + 1]['id']}-avenue-out", f"{PORTES[k + 1]['id']}-town-out"] if k + 1 < n else [])},
            {"id": "to-cross-street", "share": 15, "links": [f"{pid}-town-in", f"{pid}-cross-a-out"]},
        ]})
        q = p["crossflow"]
        demand.append({"id": f"{pid}-cross-a", "periods": demand_periods(q, PROFILE_IN), "routes": [
            {"id": "to-paris", "share": 50, "links": [f"{pid}-cross-a-in", f"{pid}-avenue-in", f"{pid}-paris-in"]},
            {"id": "across", "share": 50, "links": [f"{pid}-cross-a-in", f"{pid}-cross-b-out"]},
        ]})
        demand.append({"id": f"{pid}-cross-b", "periods": demand_periods(q, PROFILE_OUT), "routes": [
            {"id": "to-town", "share": 50, "links": [f"{pid}-cross-b-in", f"{pid}-town-out"]},
            {"id": "across", "share": 50, "links": [f"{pid}-cross-b-in", f"{pid}-cross-a-out"]},
        ]})
        cyc = max(60, round(q * 0.6))
        demand.append({"id": f"{pid}-cycles-out", "vehicle_class": "cycle", "periods": demand_periods(cyc, PROFILE_OUT), "routes": [
            {"id": "along", "links": [f"cycle-{pid}-paris-out", f"cycle-{pid}-avenue-out", f"cycle-{pid}-town-out"]}]})
        demand.append({"id": f"{pid}-cycles-in", "vehicle_class": "cycle", "periods": demand_periods(cyc, PROFILE_IN), "routes": [
            {"id": "along", "links": [f"cycle-{pid}-town-in", f"cycle-{pid}-avenue-in", f"cycle-{pid}-paris-in"]}]})

        # Boulevard traffic leaves at some portes on its right turns.
        east_routes.append({"id": f"to-{pid}", "share": 10, "links": [f"mar-e-{i}" for i in range(k + 1)] + [f"{pid}-avenue-out", f"{pid}-town-out"]})
        west_routes.append({"id": f"to-{pid}", "share": 10, "links": [f"mar-w-{i}" for i in range(n, k, -1)] + [f"{pid}-paris-in"]})

        # Bus lines across the porte, both ways, on the bus lanes.
        for j, (line, headway) in enumerate(p["lines"]):
            phase = 60 + 97 * j + 31 * k
            lines.append({"id": f"{line}-outbound", "vehicle_class": "bus",
                          "links": [f"{pid}-paris-out", f"{pid}-avenue-out", f"{pid}-town-out"],
                          "timetable_s": timetable(headway, BUS_SERVICE, phase), "departure_jitter_s": 30,
                          "stops": [{"id": f"{pid}-paris-side", "link": f"{pid}-paris-out", "position_m": 250, "passengers_per_hour": 60},
                                    {"id": f"{pid}-border", "link": f"{pid}-avenue-out", "position_m": round(p["avenue_m"] * 0.6), "passengers_per_hour": 30},
                                    {"id": f"{pid}-town", "link": f"{pid}-town-out", "position_m": 150, "passengers_per_hour": 30}]})
            lines.append({"id": f"{line}-to-paris", "vehicle_class": "bus",
                          "links": [f"{pid}-town-in", f"{pid}-avenue-in", f"{pid}-paris-in"],
                          "timetable_s": timetable(headway, BUS_SERVICE, phase + headway / 2), "departure_jitter_s": 30,
                          "stops": [{"id": f"{pid}-town", "link": f"{pid}-town-in", "position_m": 250, "passengers_per_hour": 60},
                                    {"id": f"{pid}-border", "link": f"{pid}-avenue-in", "position_m": round(p["avenue_m"] * 0.6), "passengers_per_hour": 40},
                                    {"id": f"{pid}-paris-side", "link": f"{pid}-paris-in", "position_m": 150, "passengers_per_hour": 30}]})

    # Remaining boulevard traffic runs end to end.
    east_routes.append({"id": "end-to-end", "share": 40, "links": [f"mar-e-{i}" for i in range(n + 1)]})
    west_routes.append({"id": "end-to-end", "share": 40, "links": [f"mar-w-{i}" for i in range(n, -1, -1)]})

    # T3a: a station just past each porte where there is one, and the stations between portes.
    def tram_stops(direction):
        stops = []
        order = range(n) if direction == "e" else range(n - 1, -1, -1)
        for k in order:
            seg = k + 1 if direction == "e" else k
            if PORTES[k]["station"]:
                stops.append({"id": PORTES[k]["station"], "link": f"t3a-{direction}-{seg}", "position_m": 60,
                              "dwell_fixed_s": 18, "boarding_s_per_passenger": 0.3, "passengers_per_hour": 350})
            for (after, frac, sid) in (INTERMEDIATE_STATIONS if direction == "e" else reversed(INTERMEDIATE_STATIONS)):
                if direction == "e" and after == k or direction == "w" and after + 1 == k:
                    seg_i = after + 1
                    length = dist(points[seg_i], points[seg_i + 1])
                    f = frac if direction == "e" else 1 - frac
                    stops.append({"id": sid, "link": f"t3a-{direction}-{seg_i}", "position_m": round(length * f),
                                  "dwell_fixed_s": 18, "boarding_s_per_passenger": 0.3, "passengers_per_hour": 250})
        return stops

    lines.insert(0, {"id": "t3a-to-vincennes", "vehicle_class": "tram", "links": [f"t3a-e-{i}" for i in range(n + 1)],
                     "timetable_s": timetable(360, TRAM_SERVICE, 45), "departure_jitter_s": 30, "stops": tram_stops("e")})
    lines.insert(1, {"id": "t3a-to-italie", "vehicle_class": "tram", "links": [f"t3a-w-{i}" for i in range(n, -1, -1)],
                     "timetable_s": timetable(360, TRAM_SERVICE, 165), "departure_jitter_s": 30, "stops": tram_stops("w")})
    return boundaries, links, intersections, demand, lines


def bhns_lines():
    """The BHNS to Charenton-le-Pont: from the rue de Charenton across the porte to the rue de Paris."""
    pid = "charenton"
    stops_out = [{"id": "bhns-charenton-paris", "link": f"{pid}-paris-out", "position_m": 240, "dwell_fixed_s": 10, "boarding_s_per_passenger": 1.2, "passengers_per_hour": 120},
                 {"id": "bhns-porte-de-charenton", "link": f"{pid}-avenue-out", "position_m": 220, "dwell_fixed_s": 10, "boarding_s_per_passenger": 1.2, "passengers_per_hour": 60},
                 {"id": "bhns-charenton-le-pont", "link": f"{pid}-town-out", "position_m": 200, "dwell_fixed_s": 10, "boarding_s_per_passenger": 1.2, "passengers_per_hour": 40}]
    stops_in = [{"id": "bhns-charenton-le-pont", "link": f"{pid}-town-in", "position_m": 200, "dwell_fixed_s": 10, "boarding_s_per_passenger": 1.2, "passengers_per_hour": 120},
                {"id": "bhns-porte-de-charenton", "link": f"{pid}-avenue-in", "position_m": 220, "dwell_fixed_s": 10, "boarding_s_per_passenger": 1.2, "passengers_per_hour": 80},
                {"id": "bhns-charenton-paris", "link": f"{pid}-paris-in", "position_m": 150, "dwell_fixed_s": 10, "boarding_s_per_passenger": 1.2, "passengers_per_hour": 40}]
    service = [1.5 if f is None and h == 5 else f for h, f in enumerate(BUS_SERVICE)]
    return [
        {"id": "bhns-charenton-outbound", "vehicle_class": "bus", "links": [f"{pid}-paris-out", f"{pid}-avenue-out", f"{pid}-town-out"],
         "timetable_s": timetable(300, service, 140), "departure_jitter_s": 20, "stops": stops_out},
        {"id": "bhns-charenton-to-paris", "vehicle_class": "bus", "links": [f"{pid}-town-in", f"{pid}-avenue-in", f"{pid}-paris-in"],
         "timetable_s": timetable(300, service, 290), "departure_jitter_s": 20, "stops": stops_in},
    ]


BUS_PRIORITY = {"action": "extension-and-early-green", "max_extension_s": 15, "max_early_green_s": 20, "check_in_distance_m": 120, "request_expiry_s": 60, "recovery_cycles": 3}
TRAM_PARIS = {"absolute": True, "check_in_distance_m": 250, "max_extension_s": 40, "max_early_green_s": 60, "request_expiry_s": 90, "recovery_cycles": 3}
TRAM_VDM = {"absolute": False, "check_in_distance_m": 250, "max_extension_s": 15, "max_early_green_s": 20, "request_expiry_s": 90, "recovery_cycles": 3}
NO_BUS = dict(BUS_PRIORITY, action="none")
FORWARDING_ON = {"enabled": True, "latency_s": 2, "loss_probability": 0}


def strategies():
    prio = {"paris": {"priority": {"bus": BUS_PRIORITY, "tram": TRAM_PARIS}},
            "val-de-marne": {"priority": {"bus": BUS_PRIORITY, "tram": TRAM_VDM}}}
    shared = {c: dict(o, forwarding=FORWARDING_ON) for c, o in prio.items()}
    bhns_links = {"charenton-town-out": {"lane_kinds": ["bus", "general"]}}
    return [
        {"id": "status-quo", "baseline": True, "description": lt(
            "Aujourd'hui : le PC Lutèce à 50 s la nuit, 90 s le jour et 120 s aux pointes, Parcival à 50, 90 et 100 s sur sa propre horloge, qui dérive ; priorité absolue du T3a à Paris, pas de priorité bus, aucune annonce entre centres.",
            "Today: PC Lutèce on 50 s at night, 90 s by day and 120 s at the peaks, Parcival on 50, 90 and 100 s on its own drifting clock; absolute T3a priority in Paris, no bus priority, nothing forwarded between centres.")},
        {"id": "bus-priority", "description": lt(
            "Situation actuelle plus une priorité bus locale (prolongation du vert et vert anticipé) à chaque carrefour des deux centres.",
            "Status quo plus local bus priority (green extension and early green) at every intersection of both centres."),
         "centres": prio},
        {"id": "bus-priority-shared", "description": lt(
            "Priorité bus dans les deux centres plus annonce d'un centre à l'autre (latence de 2 s) à chaque porte.",
            "Bus priority in both centres plus forwarding from one centre to the other (2 s latency) at every porte."),
         "centres": shared},
        {"id": "bhns-charenton", "description": lt(
            "Ligne de bus à haut niveau de service vers Charenton-le-Pont (itinéraire et service supposés) : de la rue de Charenton à la rue de Paris par la porte de Charenton, toutes les 5 min en journée, arrêts à quai (10 s plus 1,2 s par voyageur), voie bus ajoutée sur la rue de Paris en sortie ; pas de priorité bus.",
            "High-level-of-service bus line to Charenton-le-Pont (route and service assumed): from rue de Charenton across Porte de Charenton to the rue de Paris, every 5 min by day, level-boarding stops (10 s plus 1.2 s per passenger), a bus lane added on the rue de Paris outbound; no bus priority."),
         "lines": bhns_lines(), "links": bhns_links},
        {"id": "bhns-charenton-priority", "description": lt(
            "La ligne à haut niveau de service avec la priorité bus à chaque feu des deux centres.",
            "The high-level-of-service line with bus priority at every signal of both centres."),
         "lines": bhns_lines(), "links": bhns_links, "centres": prio},
        {"id": "bhns-charenton-priority-shared", "description": lt(
            "La ligne à haut niveau de service avec la priorité bus à chaque feu des deux centres et l'annonce d'un centre à l'autre.",
            "The high-level-of-service line with bus priority at every signal of both centres and forwarding between them."),
         "lines": bhns_lines(), "links": bhns_links, "centres": shared},
    ]


SOURCES = [
    lt("Boulevards des Maréchaux : le boulevard Masséna (2 110 m) va de la porte de Vitry à la porte d'Italie en passant par les portes d'Ivry et de Choisy ; le boulevard Poniatowski (1 450 m) du quai de Bercy à la porte Dorée par la porte de Charenton ; le boulevard Soult (1 270 m) de la porte Dorée à la porte de Vincennes (nomenclature des voies de la Ville de Paris).",
       "Boulevards des Maréchaux: boulevard Masséna (2,110 m) runs from Porte de Vitry to Porte d'Italie past Porte d'Ivry and Porte de Choisy; boulevard Poniatowski (1,450 m) from quai de Bercy to Porte Dorée past Porte de Charenton; boulevard Soult (1,270 m) from Porte Dorée to Porte de Vincennes (Ville de Paris street nomenclature)."),
    lt("Avenues des portes : avenue de la Porte-de-Choisy 310 m, avenue de la Porte-d'Ivry 240 m (prolongée par l'avenue Maurice-Thorez à Ivry-sur-Seine), avenue de la Porte-de-Vitry 345 m (prolongée par l'avenue Pierre-Semard à Ivry-sur-Seine), avenue de la Porte-de-Charenton 360 m (jusqu'à la rue de Paris à Charenton-le-Pont), avenue de la Porte-de-Vincennes 330 m (vers Saint-Mandé).",
       "Porte avenues: avenue de la Porte-de-Choisy 310 m, avenue de la Porte-d'Ivry 240 m (continued by avenue Maurice-Thorez in Ivry-sur-Seine), avenue de la Porte-de-Vitry 345 m (continued by avenue Pierre-Semard in Ivry-sur-Seine), avenue de la Porte-de-Charenton 360 m (to the rue de Paris in Charenton-le-Pont), avenue de la Porte-de-Vincennes 330 m (towards Saint-Mandé)."),
    lt("T3a : rames Citadis 402 (environ 44 m, environ 304 voyageurs), stations espacées d'environ 517 m ; de Porte d'Italie à Porte de Vincennes : Porte d'Italie, Porte de Choisy, Porte d'Ivry, Porte de Vitry – Maryse Bastié, Avenue de France, Baron Le Roy, Porte de Charenton, Porte Dorée, Montempoivre, Alexandra David-Néel, Porte de Vincennes (RATP, Île-de-France Mobilités).",
       "T3a: Citadis 402 trams (about 44 m, about 304 passengers), stations about 517 m apart; from Porte d'Italie to Porte de Vincennes: Porte d'Italie, Porte de Choisy, Porte d'Ivry, Porte de Vitry – Maryse Bastié, Avenue de France, Baron Le Roy, Porte de Charenton, Porte Dorée, Montempoivre, Alexandra David-Néel, Porte de Vincennes (RATP, Île-de-France Mobilités)."),
    lt("Bus aux portes : 47 et 131 à la porte d'Italie ; 24 et 109 à la porte de Bercy ; 77, 87 et 111 à la porte de Charenton ; 46 le long du boulevard Soult ; 86 et 56 à la porte de Vincennes vers Saint-Mandé (information publique sur les portes et les voies).",
       "Buses at the portes: 47 and 131 at Porte d'Italie; 24 and 109 at Porte de Bercy; 77, 87 and 111 at Porte de Charenton; 46 along boulevard Soult; 86 and 56 at Porte de Vincennes towards Saint-Mandé (public information on the portes and streets)."),
    lt("Cycles des feux parisiens : 50 s la nuit, 90 s le jour sur les axes chargés, jusqu'à 120 s près des tramways ; 120 s est traité comme un maximum strict.",
       "Paris signal cycles: 50 s at night, 90 s on busy roads by day, up to 120 s near trams; 120 s is treated as a hard maximum."),
    lt("Feux en France : jaune de 3 s en agglomération ; vert minimal de 6 s, 10 s de préférence ; dégagement des piétons à 1,0 m/s sur la traversée. Vitesses maximales : Paris 30 km/h, boulevards des Maréchaux 50 km/h.",
       "Signals in France: 3 s amber in built-up areas; minimum green 6 s, 10 s preferred; pedestrian clearance at 1.0 m/s over the crossing. Speed limits: Paris 30 km/h, boulevards des Maréchaux 50 km/h."),
    lt("Centres de régulation : le PC Lutèce gère environ 1 800 carrefours à feux à Paris, Parcival plus de 600 dans le Val-de-Marne.",
       "Regulation centres: PC Lutèce runs about 1,800 signalised intersections in Paris, Parcival more than 600 in the Val-de-Marne."),
]

ASSUMPTIONS = [
    lt("Géométrie approximative (supposée) : les portes sont placées sur une ligne brisée qui suit les boulevards des Maréchaux, à des distances tirées des longueurs publiques des boulevards ; le passage de la Seine entre la porte de Vitry et la porte de Bercy est un seul tronçon ; les échangeurs du boulevard périphérique ne sont pas modélisés. Vue d'ensemble : les fichiers porte-de-choisy.json, porte-d-italie.json et porte-de-charenton.json restent les vues détaillées.",
       "Approximate geometry (assumed): the portes lie on a polyline following the boulevards des Maréchaux, at distances taken from the boulevards' public lengths; the Seine crossing between Porte de Vitry and Porte de Bercy is one segment; the boulevard périphérique interchanges are not modelled. This is the overview: porte-de-choisy.json, porte-d-italie.json and porte-de-charenton.json remain the detailed views."),
    lt("Chaque porte suit le même gabarit (supposé) : un carrefour du PC Lutèce sur le boulevard (2 voies par sens, T3a au centre) et, au bout de l'avenue de la porte, un carrefour de Parcival avec une rue transversale (1 voie par sens, 200 m de chaque côté) ; voie bus côté trottoir sur l'avenue dans les deux sens, sur la rue parisienne et sur la rue du Val-de-Marne vers Paris ; pistes cyclables le long de chaque radiale ; pas de tourne-à-gauche (leurs flux sont reportés sur les mouvements tout droit et à droite). Les rues transversales du Val-de-Marne ne sont pas nommées quand aucune source ne fixe le premier carrefour.",
       "Every porte follows one template (assumed): a PC Lutèce crossing on the boulevard (2 lanes each way, the T3a in the middle) and, at the end of the porte's avenue, a Parcival crossing with a cross street (1 lane each way, 200 m each side); a kerbside bus lane on the avenue both ways, on the Paris street and on the Val-de-Marne street towards Paris; cycle tracks along every radial; no left turns (their flows are folded into the through and right-turn movements). Val-de-Marne cross streets are left unnamed where no source fixes the first crossing."),
    lt("Plans supposés : au PC Lutèce deux phases (boulevard et T3a avec les piétons traversant la radiale, puis radiale avec les piétons traversant le boulevard en deux moitiés, le quai du tramway servant de refuge), 50 s la nuit (radiale 14 s), 90 s le jour (30 s) et 120 s aux pointes (40 s) ; à Parcival 50, 90 et 100 s (rue transversale 12, 24 et 28 s). Le boulevard et le T3a sont verts de part et d'autre du temps 0 du cycle dans chaque plan, pour que les changements de plan par maintien soient sûrs. Décalages d'une progression à 50 km/h vers la porte de Vincennes au PC Lutèce, et d'une progression sortante à 30 km/h vers Parcival.",
       "Assumed plans: at PC Lutèce two stages (boulevard and T3a with the pedestrians crossing the radial, then the radial with the pedestrians crossing the boulevard in two halves, the tram platform as refuge), 50 s at night (radial 14 s), 90 s by day (30 s) and 120 s at the peaks (40 s); at Parcival 50, 90 and 100 s (cross street 12, 24 and 28 s). The boulevard and the T3a are green across cycle time 0 in every plan, so plan changes by the dwell method are safe. Offsets for a 50 km/h progression towards Porte de Vincennes at PC Lutèce and an outbound 30 km/h progression to Parcival."),
    lt("Horaires des plans supposés : PC Lutèce nuit de 22:00 à 06:30, jour, pointe de 07:30 à 09:30 et de 16:30 à 19:30 ; Parcival nuit de 22:30 à 06:00, jour, pointe de 07:00 à 09:30 et de 16:30 à 19:30. Horloge de Parcival comme dans porte-de-choisy.json : 37 s d'avance, 1,5 s gagnée par heure.",
       "Assumed plan schedules: PC Lutèce night 22:00–06:30, day, peak 07:30–09:30 and 16:30–19:30; Parcival night 22:30–06:00, day, peak 07:00–09:30 and 16:30–19:30. Parcival's clock as in porte-de-choisy.json: 37 s ahead, gaining 1.5 s per hour."),
    lt("Demande sur 24 heures (supposée, aucun comptage) : pour chaque entrée un débit de pointe et une part de ce débit pour chaque heure de la journée, de 25 % la nuit à 100 % à la pointe du matin vers Paris et à la pointe du soir vers le Val-de-Marne ; débits de pointe de 260 à 400 véh/h par radiale, 620 véh/h à chaque bout du boulevard, 100 à 150 véh/h par branche de rue transversale ; vélos à 60 % du débit de la rue transversale (au moins 60 vélos/h). Les débits restent sous la capacité du plan de nuit, de sorte qu'aucune file ne croît sans limite à aucune heure.",
       "24-hour demand (assumed, no counts): for every entry a peak flow and its share in each hour of the day, from 25 % at night to 100 % at the morning peak towards Paris and the evening peak towards the Val-de-Marne; peak flows 260–400 veh/h per radial, 620 veh/h at each end of the boulevard, 100–150 veh/h per cross-street arm; cycles at 60 % of the cross-street flow (at least 60 cycles/h). Flows stay below the night plan's capacity, so no queue grows without bound at any hour."),
    lt("Lignes de bus (itinéraires et services supposés) : chaque ligne traverse sa porte de la rue parisienne à la rue du Val-de-Marne, avec trois arrêts (côté Paris, sur l'avenue, au-delà de la limite) ; intervalles de jour de 360 à 720 s selon la ligne, 20 % plus serrés aux pointes, plus lâches le soir, pas de service de 00:00 à 06:00. Les lignes Choisy (RD5), Ivry et Vitry n'ont pas de numéro tiré d'une source. T3a toutes les 360 s le jour, 270 s aux pointes, pas de service de 01:00 à 05:00 ; arrêts de 18 s plus 0,3 s par voyageur.",
       "Bus lines (routes and service assumed): every line crosses its porte from the Paris street to the Val-de-Marne street, with three stops (Paris side, on the avenue, beyond the border); daytime headways of 360–720 s by line, 20 % tighter at the peaks, looser in the evening, no service 00:00–06:00. The Choisy (RD5), Ivry and Vitry lines carry no number taken from a source. T3a every 360 s by day, 270 s at the peaks, no service 01:00–05:00; stops of 18 s plus 0.3 s per boarding passenger."),
    lt("Ligne à haut niveau de service vers Charenton-le-Pont (supposée : aucune source publique ne fixe son itinéraire ni son service) : de la rue de Charenton à la rue de Paris par l'avenue de la Porte-de-Charenton, sur les voies bus, une voie bus ajoutée sur la rue de Paris en sortie ; trois arrêts à quai (10 s plus 1,2 s par voyageur, montée par toutes les portes) ; toutes les 300 s le jour, 240 s aux pointes, dès 05:00 et jusqu'à minuit ; on la compare aux lignes 77, 87 et 111 d'aujourd'hui, dont le trajet modélisé est le même.",
       "High-level-of-service line to Charenton-le-Pont (assumed: no public source fixes its route or service): from rue de Charenton to the rue de Paris by avenue de la Porte-de-Charenton, on the bus lanes, with a bus lane added on the rue de Paris outbound; three level-boarding stops (10 s plus 1.2 s per passenger, boarding by every door); every 300 s by day, 240 s at the peaks, from 05:00 to midnight; it is compared with today's lines 77, 87 and 111, whose modelled route is the same."),
    lt("Piétons : 100 à 150 piétons par heure et par sens à chaque traversée du PC Lutèce, 60 à 80 à Parcival, à toute heure (supposé).",
       "Pedestrians: 100–150 per hour each way at every PC Lutèce crossing, 60–80 at Parcival, at every hour (assumed)."),
]


def main():
    boundaries, links, intersections, demand, lines = build()
    scenario = {
        "$schema": "./signalsim.schema.json",
        "name": "paris-val-de-marne-boundary",
        "description": lt(
            "La limite Paris / Val-de-Marne sur toute une journée : les boulevards des Maréchaux et le T3a de la porte d'Italie à la porte de Vincennes, huit portes (Italie, Choisy, Ivry, Vitry, Bercy, Charenton, Dorée, Vincennes), chacune avec sa radiale, son carrefour du PC Lutèce sur le boulevard et le premier carrefour de Parcival au-delà de la limite, ses lignes de bus, ses pistes cyclables et ses traversées piétonnes ; plans de nuit, de jour et de pointe des deux centres avec leurs changements de plan ; demande sur 24 heures.",
            "The Paris / Val-de-Marne boundary over a whole day: the boulevards des Maréchaux and the T3a from Porte d'Italie to Porte de Vincennes, eight portes (Italie, Choisy, Ivry, Vitry, Bercy, Charenton, Dorée, Vincennes), each with its radial road, its PC Lutèce crossing on the boulevard and the first Parcival crossing beyond the border, its bus lines, cycle tracks and pedestrian crossings; both centres' night, day and peak plans with their plan changes; 24-hour demand."),
        "sources": SOURCES,
        "assumptions": ASSUMPTIONS,
        "simulation": {"duration_s": DURATION_S, "warmup_s": WARMUP_S, "cooldown_s": COOLDOWN_S, "step_s": 0.5,
                       "start_time_of_day_s": DAY_START_TOD_S, "seed": 1},
        "centres": [
            {"id": "paris", "name": "PC Lutèce", "clock": {"offset_s": 0, "drift_s_per_hour": 0},
             "periods": [{"start_s": s, "plan": p} for s, p in PARIS_SCHEDULE],
             "priority": {"bus": NO_BUS, "tram": TRAM_PARIS}, "forwarding": {"enabled": False, "latency_s": 2, "loss_probability": 0}},
            {"id": "val-de-marne", "name": "Parcival", "clock": {"offset_s": 37, "drift_s_per_hour": 1.5},
             "periods": [{"start_s": s, "plan": p} for s, p in VDM_SCHEDULE],
             "priority": {"bus": NO_BUS, "tram": TRAM_VDM}, "forwarding": {"enabled": False, "latency_s": 2, "loss_probability": 0}},
        ],
        "intersections": intersections,
        "boundaries": boundaries,
        "links": links,
        "demand": demand,
        "lines": lines,
        "strategies": strategies(),
    }
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(root, "paris-val-de-marne-boundary.json")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("// Generated by scenarios/tools/make_boundary.py: edit the script, then run it again\n")
        f.write("// (python3 scenarios/tools/make_boundary.py). See the script's header for what it models.\n")
        # One line per item of every list (intersection, link, demand, line, strategy): compact,
        # so the file loads fast, and still one diff line per changed item.
        f.write("{\n")
        keys = list(scenario)
        for i, key in enumerate(keys):
            value = scenario[key]
            end = "," if i + 1 < len(keys) else ""
            if isinstance(value, list):
                f.write(f"  {json.dumps(key)}: [\n")
                for j, item in enumerate(value):
                    f.write("    " + json.dumps(item, ensure_ascii=False, separators=(",", ":")) + ("," if j + 1 < len(value) else "") + "\n")
                f.write(f"  ]{end}\n")
            else:
                f.write(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}{end}\n")
        f.write("}\n")
    print(f"wrote {path}: {len(intersections)} intersections, {len(links)} links, {len(demand)} demands, {len(lines)} lines")


if __name__ == "__main__":
    main()
