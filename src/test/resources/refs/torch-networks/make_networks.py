#!/usr/bin/python3
"""Writes networks.tsv and mlp-64-32-10.tsv.gz: losses, gradients and intermediates of small MLPs
computed by torch.autograd in float64, for dotbar's tensor tests (issue 15).

Run from this folder:  /usr/bin/python3 make_networks.py
(Debian's python3-torch; the version is written into the files' header.)

Shapes follow dotbar's dsl.md: column vectors, W_l is out×in, w_l = W_l·phi_{l-1} + b_l,
phi_l = f(w_l), phi_0 = x; a batch is a matrix whose columns are the samples.
"""
import gzip
import subprocess

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)

ACT = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "identity": lambda t: t}


def torch_version():
    try:
        deb = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "python3-torch"],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        deb = "unknown"
    return f"torch {torch.__version__} (Debian python3-torch {deb})"


def values(t):
    """Row-major entries of a 2-d tensor, each as the shortest text that reads back to the same double."""
    return "\t".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())


def tensor_line(case, kind, name, t):
    t = t.detach()
    if t.dim() == 1:
        t = t.reshape(-1, 1)
    return f"{case}\t{kind}\t{name}\t{t.shape[0]}\t{t.shape[1]}\t{values(t)}\n"


def network(case, sizes, hidden, output, loss, batch, seed, x=None, labels=None, weights=None):
    """One case: draws weights, inputs and targets from `seed` (unless given), runs forward and
    backward in torch, and returns the case's lines."""
    g = torch.Generator().manual_seed(seed)
    layers = len(sizes) - 1
    if weights is None:
        weights = []
        for l in range(layers):
            W = 0.8 * torch.randn(sizes[l + 1], sizes[l], generator=g)
            b = 0.3 * torch.randn(sizes[l + 1], 1, generator=g)
            weights.append((W, b))
    params = [(W.clone().requires_grad_(True), b.clone().requires_grad_(True)) for W, b in weights]
    if x is None:
        x = torch.randn(sizes[0], batch, generator=g)
    if loss == "squared":
        y = torch.rand(sizes[-1], batch, generator=g)
    else:
        if labels is None:
            labels = torch.randint(0, sizes[-1], (batch,), generator=g)
        y = F.one_hot(labels, sizes[-1]).t().to(torch.float64)

    phi = x
    pre, post = [], []
    for l, (W, b) in enumerate(params):
        w = W @ phi + b
        w.retain_grad()
        f = ACT[hidden] if l < layers - 1 else ACT[output]
        phi = f(w)
        if phi is not w:
            phi.retain_grad()
        pre.append(w)
        post.append(phi)
    if loss == "squared":
        L = ((phi - y) ** 2).sum() / 2 / batch
    else:
        L = F.cross_entropy(pre[-1].t(), labels)      # mean over the batch of -log softmax(w_L)[label]
    L.backward()

    # ReLU is differentiated where it is smooth only: every pre-activation it sees must be clearly off 0.
    for l in range(layers):
        f = hidden if l < layers - 1 else output
        if f == "relu":
            assert pre[l].detach().abs().min() > 1e-3, f"{case}: a ReLU input is too close to 0; pick another seed"

    out = []
    spec = {"layers": ",".join(map(str, sizes)), "hidden": hidden, "output": output,
            "loss": loss, "batch": str(batch), "seed": str(seed)}
    if loss == "cross-entropy":
        spec["labels"] = ",".join(str(int(v)) for v in labels.tolist())
    for k, v in spec.items():
        out.append(f"{case}\tspec\t{k}\t{v}\n")
    for l, (W, b) in enumerate(params):
        out.append(tensor_line(case, "param", f"W{l + 1}", W))
        out.append(tensor_line(case, "param", f"b{l + 1}", b))
    out.append(tensor_line(case, "input", "x", x))
    out.append(tensor_line(case, "target", "y", y))
    out.append(tensor_line(case, "loss", "L", L.reshape(1, 1)))
    for l, (W, b) in enumerate(params):
        out.append(tensor_line(case, "grad", f"W{l + 1}", W.grad))
        out.append(tensor_line(case, "grad", f"b{l + 1}", b.grad))
    for l in range(layers):
        out.append(tensor_line(case, "forward", f"w{l + 1}", pre[l]))
        out.append(tensor_line(case, "forward", f"phi{l + 1}", post[l]))
    for l in range(layers):
        out.append(tensor_line(case, "adjoint", f"w{l + 1}", pre[l].grad))
        if post[l] is not pre[l] and post[l].grad is not None:
            out.append(tensor_line(case, "adjoint", f"phi{l + 1}", post[l].grad))

    # An independent check of torch's own backward: central differences on every parameter.
    def f(*flat):
        phi = x
        for l in range(layers):
            w = flat[2 * l] @ phi + flat[2 * l + 1]
            phi = (ACT[hidden] if l < layers - 1 else ACT[output])(w)
        if loss == "squared":
            return ((phi - y) ** 2).sum() / 2 / batch
        return F.cross_entropy(w.t(), labels)
    flat = [t.detach().clone().requires_grad_(True) for p in params for t in p]
    assert torch.autograd.gradcheck(f, flat, eps=1e-6, atol=1e-8, rtol=1e-6)
    return out


HEADER = """# {what}
# Written by make_networks.py with {version}, float64 throughout.
# One record per line, fields separated by tabs; '#' starts a comment line. Records:
#   CASE spec KEY VALUE                       layers (input,hidden...,output), hidden/output activation,
#                                             loss (squared | cross-entropy), batch, seed, labels
#   CASE KIND NAME ROWS COLS v1 ... vN        a ROWS×COLS matrix, entries row-major (N = ROWS·COLS)
#     KIND param (W1 b1 W2 b2 ...), input (x: one column per sample), target (y; one-hot for cross-entropy),
#          loss (L), grad (dL/dW1 ...), forward (w_l = W_l·phi_(l-1) + b_l, phi_l = f(w_l)),
#          adjoint (dL/dw_l, dL/dphi_l)
# squared: L = sum((phi_L - y)^2)/2/batch; cross-entropy: L = mean over the batch of -log softmax(w_L)[label].
"""


def main():
    version = torch_version()
    lines = []
    # The seed's two-layer network, eq. (31): w1 = W1·x + b1, phi1 = σ(w1), w2 = W2·phi1 + b2,
    # phi2 = σ(w2), L = sum((phi2 - y)^2)/2 (the shapes of dsl.md's example: W1 3×4, x 4×1).
    lines += network("seed-eq31", [4, 3, 2], "sigmoid", "sigmoid", "squared", 1, 31)
    seed = 100
    for depth, sizes in (("net2", [4, 5, 3]), ("net3", [4, 5, 4, 3])):
        for act in ("sigmoid", "tanh", "relu"):
            # squared error with the hidden activation on the output too (the seed's form); ReLU's
            # output is left linear (a ReLU output would cut the error's gradient).
            output = "identity" if act == "relu" else act
            for loss, batch in (("squared", 1), ("squared", 5), ("cross-entropy", 1), ("cross-entropy", 5)):
                name = f"{depth}-{act}-{'sq' if loss == 'squared' else 'ce'}-b{batch}"
                while True:
                    seed += 1
                    try:
                        lines += network(name, sizes, act, output if loss == "squared" else "identity",
                                         loss, batch, seed)
                        break
                    except AssertionError as e:
                        if "ReLU" not in str(e):
                            raise
    with open("networks.tsv", "w") as f:
        f.write(HEADER.format(what="Small MLPs: gradients from torch.autograd (the seed's eq. (31) network, "
                                   "2 and 3 layers, sigmoid/tanh/ReLU, squared error and softmax cross-entropy)",
                              version=version))
        f.writelines(lines)

    # The 64-32-10 ReLU network of issues 15/16 on one digit (row 0 of dotbar/data/digits.csv.gz, pixels/16),
    # with nn.Linear's default initialisation from torch.manual_seed(0).
    with gzip.open("../../../../main/resources/dotbar/data/digits.csv.gz", "rt") as f:
        row = [float(v) for v in f.readline().split(",")]
    x = torch.tensor(row[:64]).reshape(64, 1) / 16
    label = torch.tensor([int(row[64])])
    torch.manual_seed(0)
    l1, l2 = torch.nn.Linear(64, 32), torch.nn.Linear(32, 10)
    weights = [(l1.weight.detach(), l1.bias.detach().reshape(-1, 1)),
               (l2.weight.detach(), l2.bias.detach().reshape(-1, 1))]
    big = network("mlp-64-32-10", [64, 32, 10], "relu", "identity", "cross-entropy", 1, 0,
                  x=x, labels=label, weights=weights)
    with gzip.GzipFile("mlp-64-32-10.tsv.gz", "wb", mtime=0) as f:
        f.write(HEADER.format(what="The 64-32-10 ReLU network on digit 0 (pixels/16), nn.Linear default init "
                                   "after torch.manual_seed(0); softmax cross-entropy",
                              version=version).encode())
        f.write("".join(big).encode())


if __name__ == "__main__":
    main()
