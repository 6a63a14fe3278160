"""PyTorch eager: one epoch of minibatch Adam on the digits, the workload of
scripts/bench-user/epoch.jsh (64-32-10 ReLU network, nn.Linear's default init, softmax cross-entropy,
DataLoader(batch_size=32, shuffle=True), Adam(lr=1e-3)), one thread, float64 as dotbar computes
(and float32, torch's default, for comparison). Prints `key value` lines: the first epoch's and
the median later epoch's seconds."""
import gzip, os, sys, time
import torch

torch.set_num_threads(1)
here = os.path.dirname(os.path.abspath(__file__))
path = os.path.join(here, "..", "..", "src", "main", "resources", "dotbar", "data", "digits.csv.gz")
rows = []
with gzip.open(path, "rt") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("#") or line[0].isalpha():
            continue
        rows.append([float(v) for v in line.split(",")])
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 8

for dtype, name in ((torch.float64, "float64"), (torch.float32, "float32")):
    data = torch.tensor(rows, dtype=dtype)
    x, y = data[:, :64] / 16, data[:, 64].long()
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10)).to(dtype)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=32, shuffle=True,
                                         generator=torch.Generator().manual_seed(0))
    seconds = []
    for e in range(epochs):
        t0 = time.perf_counter()
        for xb, yb in loader:
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(xb), yb)
            loss.backward()
            opt.step()
        seconds.append(time.perf_counter() - t0)
    later = sorted(seconds[1:])
    print(f"torch_{name}_first_epoch_s {seconds[0]}")
    print(f"torch_{name}_steady_epoch_s {later[len(later) // 2]}")
