#!/usr/bin/python3
"""Trains the 64-32-10 ReLU network on the digits for 2 epochs with each of eight optimizers in
torch (float64) and writes the start, the minibatch order, the losses and the final weights,
for dotbar's training tests (issue 16).

Run from this folder:  /usr/bin/python3 make_training.py
(Debian's python3-torch; the version is written into the files' header.)

Data: every row of src/main/resources/dotbar/data/digits.csv.gz in file order (index = line - 1);
features x = pixel/16 (exact in binary), label = the 65th column.
"""
import gzip
import subprocess

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

INIT_SEED = 0        # torch.manual_seed before nn.Linear(64, 32), nn.Linear(32, 10)
ORDER_SEED = 1       # DataLoader(..., shuffle=True, generator=torch.Generator().manual_seed(ORDER_SEED))
BATCH = 32
EPOCHS = 2

# name, kind, hyperparameters (torch's names; beta1/beta2 are Adam's betas). Everything not listed
# is torch's default: SGD dampening=0, nesterov=False; Adagrad lr_decay=0, initial_accumulator_value=0;
# RMSprop momentum=0, centered=False; Adam/AdamW amsgrad=False, maximize=False; foreach=False throughout.
OPTIMIZERS = [
    ("sgd", "sgd", dict(lr=0.1, momentum=0, weight_decay=0)),
    ("sgd-momentum", "sgd", dict(lr=0.05, momentum=0.9, weight_decay=0)),
    ("momentum-ema", "ema", dict(eta=0.3, alpha=0.8)),
    ("adagrad", "adagrad", dict(lr=0.05, eps=1e-10, weight_decay=0)),
    ("rmsprop", "rmsprop", dict(lr=0.001, alpha=0.99, eps=1e-8, weight_decay=0)),
    ("adam", "adam", dict(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0)),
    ("adam-l2", "adam", dict(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01)),
    ("adamw", "adamw", dict(lr=0.01, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.01)),
]


def make_optimizer(kind, h, params):
    """The optimizer and the call as text (for the record)."""
    if kind == "sgd":
        return (torch.optim.SGD(params, lr=h["lr"], momentum=h["momentum"], weight_decay=h["weight_decay"], foreach=False),
                f"torch.optim.SGD(lr={h['lr']}, momentum={h['momentum']}, weight_decay={h['weight_decay']})")
    if kind == "ema":
        return (EmaMomentum(params, h["eta"], h["alpha"]),
                f"by hand, the seed's eq. (1)-(2): v = alpha*v - (1-alpha)*g; theta = theta + eta*v; v0 = 0 "
                f"(eta={h['eta']}, alpha={h['alpha']})")
    if kind == "adagrad":
        return (torch.optim.Adagrad(params, lr=h["lr"], eps=h["eps"], weight_decay=h["weight_decay"], foreach=False),
                f"torch.optim.Adagrad(lr={h['lr']}, eps={h['eps']}, weight_decay={h['weight_decay']})")
    if kind == "rmsprop":
        return (torch.optim.RMSprop(params, lr=h["lr"], alpha=h["alpha"], eps=h["eps"],
                                    weight_decay=h["weight_decay"], foreach=False),
                f"torch.optim.RMSprop(lr={h['lr']}, alpha={h['alpha']}, eps={h['eps']}, weight_decay={h['weight_decay']})")
    cls = torch.optim.Adam if kind == "adam" else torch.optim.AdamW
    return (cls(params, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"], weight_decay=h["weight_decay"],
                foreach=False),
            f"torch.optim.{cls.__name__}(lr={h['lr']}, betas=({h['beta1']}, {h['beta2']}), eps={h['eps']}, "
            f"weight_decay={h['weight_decay']})")




class EmaMomentum:
    """The seed's momentum, eq. (1)-(2), in torch tensors: v_t = -(1-α)∇L(θ_t) + α v_{t-1},
    θ_{t+1} = θ_t + η v_t, v_0 = 0 (so v_1 = -(1-α) g_1)."""

    def __init__(self, params, eta, alpha):
        self.params, self.eta, self.alpha = list(params), eta, alpha
        self.v = [torch.zeros_like(p) for p in self.params]

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        for p, v in zip(self.params, self.v):
            v.mul_(self.alpha).add_(p.grad, alpha=-(1 - self.alpha))
            p.add_(v, alpha=self.eta)


def torch_version():
    try:
        deb = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "python3-torch"],
                             capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        deb = "unknown"
    return f"torch {torch.__version__} (Debian python3-torch {deb})"


def tensor_fields(name, t):
    t = t.detach()
    if t.dim() == 1:
        t = t.reshape(-1, 1)
    return f"{name}\t{t.shape[0]}\t{t.shape[1]}\t" + "\t".join(repr(float(v)) for v in t.reshape(-1).tolist())


def load_digits():
    with gzip.open("../../../../main/resources/dotbar/data/digits.csv.gz", "rt") as f:
        rows = [[int(v) for v in line.split(",")] for line in f if line.strip()]
    x = torch.tensor([r[:64] for r in rows], dtype=torch.float64) / 16
    y = torch.tensor([r[64] for r in rows], dtype=torch.int64)
    return x, y


def network():
    return torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))


def parameters(net):
    return [("W1", net[0].weight), ("b1", net[0].bias), ("W2", net[2].weight), ("b2", net[2].bias)]


def loader(n):
    return DataLoader(TensorDataset(torch.arange(n)), batch_size=BATCH, shuffle=True,
                      generator=torch.Generator().manual_seed(ORDER_SEED))


def epochs_order(n):
    """The sample order DataLoader(shuffle=True) yields, epoch by epoch (it draws its own seeds from the
    generator before each permutation, so it is not one torch.randperm of a fresh generator)."""
    batches = loader(n)
    return [torch.cat([b[0] for b in batches]) for _ in range(EPOCHS)]


@torch.no_grad()
def full_loss(net, x, y):
    logits = net(x)
    return F.cross_entropy(logits, y).item(), (logits.argmax(1) == y).double().mean().item()


def train(kind, h, init, x, y, orders):
    net = network()
    with torch.no_grad():
        for (_, p), (_, q) in zip(parameters(net), parameters(init)):
            p.copy_(q)
    params = [p for _, p in parameters(net)]
    opt, _ = make_optimizer(kind, h, params)
    # A fresh DataLoader with the same generator seed per optimizer: every optimizer sees the recorded order.
    batches = loader(len(x))
    steps, epochs = [], [(0,) + full_loss(net, x, y) + (float("nan"),)]
    for epoch in range(EPOCHS):
        seen = []
        batch_losses = []
        for step, (idx,) in enumerate(batches):
            seen.append(idx)
            opt.zero_grad()
            loss = F.cross_entropy(net(x[idx]), y[idx])
            loss.backward()
            opt.step()
            steps.append((epoch + 1, step + 1, len(idx), loss.item()))
            batch_losses.append(loss.item() * len(idx))
        assert torch.equal(torch.cat(seen), orders[epoch]), "the DataLoader's order changed"
        epochs.append((epoch + 1,) + full_loss(net, x, y) + (sum(batch_losses) / len(x),))
    return net, steps, epochs


def main():
    version = torch_version()
    x, y = load_digits()
    torch.manual_seed(INIT_SEED)
    init = network()
    orders = epochs_order(len(x))

    header = (f"# Written by make_training.py with {version}, float64, torch.set_num_threads(1).\n"
              f"# Digits: all {len(x)} rows of dotbar/data/digits.csv.gz in file order, x = pixel/16, 64-32-10 ReLU,\n"
              f"# loss = F.cross_entropy (softmax cross-entropy, mean over the batch); batch {BATCH}, {EPOCHS} epochs.\n")

    with gzip.GzipFile("init.tsv.gz", "wb", mtime=0) as f:
        f.write((header + f"# nn.Linear default init after torch.manual_seed({INIT_SEED}): "
                 "W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (kaiming_uniform_, a=sqrt(5)), b likewise.\n"
                 "# Record: NAME ROWS COLS v1 ... vN (row-major; W is out×in, b a column).\n").encode())
        for n, p in parameters(init):
            f.write((tensor_fields(n, p) + "\n").encode())

    with open("order.tsv", "w") as f:
        f.write(header + f"# DataLoader(TensorDataset(arange({len(x)})), batch_size={BATCH}, shuffle=True, "
                f"generator=torch.Generator().manual_seed({ORDER_SEED})), iterated {EPOCHS} times.\n"
                "# Record: order EPOCH i1 ... iN (sample indices in the order the batches take them; "
                f"batch k is entries {BATCH}(k-1)+1 .. {BATCH}k, the last one shorter).\n")
        for e, o in enumerate(orders):
            f.write(f"order\t{e + 1}\t" + "\t".join(str(int(i)) for i in o.tolist()) + "\n")

    results = []
    for name, kind, h in OPTIMIZERS:
        _, call = make_optimizer(kind, h, [torch.zeros(1, requires_grad=True)])
        hyper = " ".join(f"{k}={v!r}" for k, v in h.items())
        results.append((name, f"{kind}\t{hyper}\t{call}") + train(kind, h, init, x, y, orders))

    # The errata's claim, measured: torch SGD(lr = η(1-α), momentum = α) is the seed's EMA momentum.
    eta, alpha = next(h for n, _, h in OPTIMIZERS if n == "momentum-ema").values()
    net_heavy, _, _ = train("sgd", dict(lr=eta * (1 - alpha), momentum=alpha, weight_decay=0), init, x, y, orders)
    ema = next(r for r in results if r[0] == "momentum-ema")[2]
    worst = max(((a - b).abs() / b.abs().clamp_min(1e-300)).max().item()
                for (_, a), (_, b) in zip(parameters(net_heavy), parameters(ema)))

    with open("training.tsv", "w") as f:
        f.write(header + "# Records:\n"
                "#   optimizer NAME KIND HYPERPARAMETERS CALL             what was run: KIND sgd|ema|adagrad|rmsprop|adam|adamw,\n"
                "#                                                        HYPERPARAMETERS key=value separated by spaces\n"
                "#   epoch NAME EPOCH LOSS ACCURACY MEAN_BATCH_LOSS       after EPOCH (0 = the start): F.cross_entropy over all\n"
                "#                                                        rows, the fraction classified right, and the\n"
                "#                                                        size-weighted mean of that epoch's batch losses\n"
                "#   step NAME EPOCH STEP BATCH_SIZE BATCH_LOSS           the batch's loss at the weights before its step\n"
                f"# torch SGD(lr={eta * (1 - alpha):.2g}, momentum={alpha}) vs the hand EMA momentum after {EPOCHS} epochs: "
                f"largest relative difference {worst:.3g}\n")
        for name, call, _, steps, epochs in results:
            f.write(f"optimizer\t{name}\t{call}\n")
        for name, _, _, steps, epochs in results:
            for e, loss, acc, mean in epochs:
                mean = "NaN" if mean != mean else repr(mean)   # NaN at the start: no batches yet
                f.write(f"epoch\t{name}\t{e}\t{loss!r}\t{acc!r}\t{mean}\n")
        for name, _, _, steps, epochs in results:
            for e, s, size, loss in steps:
                f.write(f"step\t{name}\t{e}\t{s}\t{size}\t{loss!r}\n")

    with gzip.GzipFile("final.tsv.gz", "wb", mtime=0) as f:
        f.write((header + "# The weights after the last step of each optimizer.\n"
                 "# Record: NAME_OF_OPTIMIZER NAME ROWS COLS v1 ... vN (row-major).\n").encode())
        for name, _, net, _, _ in results:
            for n, p in parameters(net):
                f.write((name + "\t" + tensor_fields(n, p) + "\n").encode())
    for name, _, _, _, epochs in results:
        print(name, " ".join(f"{l:.4f}/{a:.3f}" for _, l, a, _ in epochs))
    print("EMA vs torch heavy-ball momentum, largest relative difference:", worst)


if __name__ == "__main__":
    main()
