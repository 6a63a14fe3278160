"""The same functions as workload.jsh in PyTorch eager mode (autograd) and NumPy (the gradient by
hand, vectorised), for `scripts/bench --user`. Prints `key value` lines: microseconds per
gradient, the fastest of several rounds after a warm-up, on one thread as dotbar runs.
    python3 torch_numpy.py rosenbrock N | network
"""
import sys
import time

import numpy as np
import torch

torch.set_num_threads(1)
H, M = 8, 16


def best(f, reps, rounds=7):
    f()
    out = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            f()
        out = min(out, (time.perf_counter() - t0) / reps)
    return out * 1e6


def rosenbrock(n):
    start = np.array([-1.2 if i % 2 == 0 else 1.0 for i in range(n)])
    x = torch.tensor(start, dtype=torch.float64, requires_grad=True)

    def torch_grad():
        x.grad = None
        a, b = x[0::2], x[1::2]
        f = (100 * (b - a * a) ** 2 + (1 - a) ** 2).sum()
        f.backward()
        return x.grad

    def numpy_grad():
        a, b = start[0::2], start[1::2]
        d, e = b - a * a, 1 - a
        g = np.empty(n)
        g[0::2] = -400 * a * d - 2 * e
        g[1::2] = 200 * d
        return (100 * d * d + e * e).sum(), g

    g = torch_grad().numpy()
    _, h = numpy_grad()
    assert np.allclose(g, h), "torch and numpy disagree"
    reps = max(20, 20000 // n)
    return best(torch_grad, reps), best(numpy_grad, reps)


def network():
    # the same data as workload.jsh draws from java.util.Random(42) cannot be reproduced here;
    # the timing depends on the shapes only: 2 inputs, H hidden sigmoid units, M points
    rng = np.random.default_rng(42)
    X = rng.uniform(-1, 1, (M, 2))
    Y = ((X ** 2).sum(1) < 0.5).astype(float)
    W = torch.tensor(rng.normal(0, 0.5, (H, 2)), requires_grad=True)
    b = torch.tensor(rng.normal(0, 0.5, H), requires_grad=True)
    v = torch.tensor(rng.normal(0, 0.5, H), requires_grad=True)
    c = torch.tensor(0.1, dtype=torch.float64, requires_grad=True)
    Xt, Yt = torch.tensor(X), torch.tensor(Y)

    def torch_grad():
        for p in (W, b, v, c):
            p.grad = None
        hidden = torch.sigmoid(Xt @ W.T + b)
        out = torch.sigmoid(hidden @ v + c)
        ((out - Yt) ** 2).mean().backward()
        return W.grad

    Wn, bn, vn, cn = (t.detach().numpy() for t in (W, b, v, c))

    def numpy_grad():
        hidden = 1 / (1 + np.exp(-(X @ Wn.T + bn)))
        s = 1 / (1 + np.exp(-(hidden @ vn + cn)))
        d_out = 2 * (s - Y) * s * (1 - s) / M
        gv, gc = hidden.T @ d_out, d_out.sum()
        dz = np.outer(d_out, vn) * hidden * (1 - hidden)
        return dz.T @ X, dz.sum(0), gv, gc

    assert np.allclose(torch_grad().numpy(), numpy_grad()[0])
    return best(torch_grad, 200), best(numpy_grad, 200)


if __name__ == "__main__":
    t, n = (network() if sys.argv[1] == "network" else rosenbrock(int(sys.argv[2])))
    print("torch_us", t)
    print("numpy_us", n)
