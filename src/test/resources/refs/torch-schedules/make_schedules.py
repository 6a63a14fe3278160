#!/usr/bin/python3
"""Runs torch.optim with learning-rate schedules, gradient clipping by norm and weight decay on
small two-variable problems in float64 and writes every step's x, y and loss to schedules.tsv,
for dotbar's TorchSchedulesTest (issue 16, the parts without tensors).

Run from this folder:  /usr/bin/python3 make_schedules.py      (Debian's python3-torch)

Each case is the ordinary PyTorch loop, for step = 1 … STEPS:
    opt.zero_grad(); f(x, y).backward()
    if clip: torch.nn.utils.clip_grad_norm_([x, y], clip)
    opt.step(); if sched: sched.step()
and the row records x, y and f(x, y) after the step (f alone, without any decay term).
"""
import math
import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
STEPS = 50

FUNCTIONS = {
    "rosen": ("(1 - x)^2 + 100*(y - x^2)^2", lambda x, y: (1 - x) ** 2 + 100 * (y - x ** 2) ** 2, (-1.5, 2.0)),
    "quad": ("x^2 + 10*y^2", lambda x, y: x ** 2 + 10 * y ** 2, (3.0, 1.0)),
}

# case, function, optimizer, torch keyword arguments, schedule, clip
#   optimizer: SGD, SGD-nesterov (SGD(nesterov=True)), Adagrad, RMSprop, Adam, AdamW
#   schedule: none | step:SIZE:GAMMA | exp:GAMMA | cosine:T_MAX:ETA_MIN | linear:START:END:TOTAL
CASES = [
    ("sgd-wd", "quad", "SGD", dict(lr=0.01, weight_decay=0.1), "none", None),
    ("sgd-momentum-wd", "rosen", "SGD", dict(lr=1e-4, momentum=0.9, weight_decay=0.05), "none", None),
    ("nesterov-wd", "rosen", "SGD-nesterov", dict(lr=1e-4, momentum=0.9, weight_decay=0.05), "none", None),
    ("adagrad-wd", "quad", "Adagrad", dict(lr=0.3, eps=1e-10, weight_decay=0.1), "none", None),
    ("rmsprop-wd", "quad", "RMSprop", dict(lr=0.01, alpha=0.9, eps=1e-8, weight_decay=0.1), "none", None),
    ("adam-wd", "rosen", "Adam", dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05), "none", None),
    ("adamw-wd", "rosen", "AdamW", dict(lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05), "none", None),
    ("adam-step", "rosen", "Adam", dict(lr=0.05), "step:10:0.5", None),
    ("adam-exp", "rosen", "Adam", dict(lr=0.05), "exp:0.95", None),
    ("adam-cosine", "rosen", "Adam", dict(lr=0.05), "cosine:50:0", None),
    ("adam-cosine-restart", "quad", "Adam", dict(lr=0.1), "cosine:20:0.001", None),
    ("adam-linear", "rosen", "Adam", dict(lr=0.05), "linear:0.1:1:10", None),
    ("sgd-cosine", "quad", "SGD", dict(lr=0.04), "cosine:30:0.005", None),
    ("sgd-step-momentum", "quad", "SGD", dict(lr=0.015, momentum=0.9), "step:7:0.3", None),
    ("nesterov-exp", "quad", "SGD-nesterov", dict(lr=0.01, momentum=0.8), "exp:0.97", None),
    ("adagrad-linear", "quad", "Adagrad", dict(lr=0.5), "linear:0.25:0.75:20", None),
    ("rmsprop-step", "rosen", "RMSprop", dict(lr=0.01, alpha=0.99), "step:5:0.7", None),
    ("adamw-cosine", "rosen", "AdamW", dict(lr=0.05, weight_decay=0.1), "cosine:40:0.0001", None),
    ("sgd-clip", "rosen", "SGD", dict(lr=0.001), "none", 1.0),
    ("adam-clip", "rosen", "Adam", dict(lr=0.02), "none", 10.0),
    ("rmsprop-clip", "quad", "RMSprop", dict(lr=0.01), "none", 0.5),
    ("adam-all", "rosen", "Adam", dict(lr=0.05, weight_decay=0.01), "cosine:50:0", 5.0),
    ("sgd-all", "rosen", "SGD", dict(lr=5e-4, momentum=0.9, weight_decay=0.01), "linear:0.2:1:15", 20.0),
]


def scheduler(opt, spec):
    kind, *a = spec.split(":")
    s = torch.optim.lr_scheduler
    if kind == "none":
        return None
    if kind == "step":
        return s.StepLR(opt, step_size=int(a[0]), gamma=float(a[1]))
    if kind == "exp":
        return s.ExponentialLR(opt, gamma=float(a[0]))
    if kind == "cosine":
        return s.CosineAnnealingLR(opt, T_max=int(a[0]), eta_min=float(a[1]))
    if kind == "linear":
        return s.LinearLR(opt, start_factor=float(a[0]), end_factor=float(a[1]), total_iters=int(a[2]))
    raise ValueError(spec)


def optimizer(name, params, kw):
    o = torch.optim
    if name == "SGD-nesterov":
        return o.SGD(params, nesterov=True, **kw)
    return getattr(o, name)(params, **kw)


def main():
    lines = ["# Trajectories from torch.optim and torch.optim.lr_scheduler " + torch.__version__
             + " (float64), written by make_schedules.py; every step 1.." + str(STEPS) + ".",
             "# case\tfunction\toptimizer\tkeywords\tschedule\tclip\tstep\tx\ty\tloss"]
    for case, fname, opt_name, kw, sched_spec, clip in CASES:
        text, f, (x0, y0) = FUNCTIONS[fname]
        x = torch.tensor(x0, requires_grad=True)
        y = torch.tensor(y0, requires_grad=True)
        opt = optimizer(opt_name, [x, y], kw)
        sched = scheduler(opt, sched_spec)
        words = " ".join(k + "=" + (",".join(repr(b) for b in v) if isinstance(v, tuple) else repr(v)) for k, v in kw.items())
        for step in range(1, STEPS + 1):
            opt.zero_grad()
            f(x, y).backward()
            if clip is not None:
                torch.nn.utils.clip_grad_norm_([x, y], clip)
            opt.step()
            if sched is not None:
                sched.step()
            with torch.no_grad():
                loss = f(x, y).item()
            lines.append("\t".join([case, text, opt_name, words, sched_spec, "none" if clip is None else repr(clip),
                                    str(step), repr(x.item()), repr(y.item()), repr(loss)]))
    with open("schedules.tsv", "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
