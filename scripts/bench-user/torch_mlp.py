"""PyTorch eager: the single-sample gradient of the issue-15 benchmark network (64-32-10, relu or
sigmoid hidden layer, softmax + cross-entropy), the same weights as dotbar.bench.MlpNetwork
(0.05*cos(i) over W1, b1, W2, b2 row-major; x_i = 8*(0.5 + 0.5*sin(0.7 i)); label 3).
Prints microseconds per gradient (median of 7 rounds of 0.3 s) and the loss, one thread."""
import math, sys, time
import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
IN, H, OUT, LABEL = 64, 32, 10, 3
theta = torch.tensor([0.05 * math.cos(i) for i in range(H * IN + H + OUT * H + OUT)])
sizes = [H * IN, H, OUT * H, OUT]
parts = list(torch.split(theta, sizes))
W1 = parts[0].reshape(H, IN).clone().requires_grad_()
b1 = parts[1].clone().requires_grad_()
W2 = parts[2].reshape(OUT, H).clone().requires_grad_()
b2 = parts[3].clone().requires_grad_()
x = torch.tensor([8 * (0.5 + 0.5 * math.sin(0.7 * i)) for i in range(IN)])
y = torch.tensor(LABEL)
params = [W1, b1, W2, b2]

for name, f in (("relu", torch.relu), ("sigmoid", torch.sigmoid)):
    def gradient():
        for p in params:
            p.grad = None
        loss = torch.nn.functional.cross_entropy((W2 @ f(W1 @ x + b1) + b2).unsqueeze(0), y.unsqueeze(0))
        loss.backward()
        return loss
    for _ in range(2000):
        loss = gradient()
    rounds = []
    for _ in range(7):
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < 0.3:
            gradient(); n += 1
        rounds.append((time.perf_counter() - t0) / n * 1e6)
    rounds.sort()
    print(f"torch eager {name}: {rounds[3]:.2f} us per gradient (loss {loss.item():.15g})")
