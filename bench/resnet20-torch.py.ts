/**
 * The official AdderNet formulation of a ResNet-20 forward pass, as a Python script for
 * /usr/bin/python3 with torch (written for this benchmark, not taken from any repository): an
 * adder layer is im2col by `unfold` with zero padding, then -(W[:, :, None] - X[None]).abs()
 * summed over the window, which materialises an N x C_out x K x L tensor. Random weights, eval
 * mode, no autograd. Prints one JSON line: images/s at the given batch and thread count.
 */
export const TORCH_SCRIPT = `
import json, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

threads, batch, repeats = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(1)

class Adder2d(nn.Module):
    def __init__(self, cin, cout, k, stride, padding):
        super().__init__()
        self.k, self.stride, self.padding = k, stride, padding
        self.adder = nn.Parameter(torch.randn(cout, cin, k, k))
    def forward(self, x):
        n, c, h, w = x.shape
        ho = (h + 2 * self.padding - self.k) // self.stride + 1
        wo = (w + 2 * self.padding - self.k) // self.stride + 1
        cols = F.unfold(x, self.k, padding=self.padding, stride=self.stride)  # N, C*k*k, L
        wcol = self.adder.view(self.adder.shape[0], -1)                      # O, C*k*k
        out = -(wcol[None, :, :, None] - cols[:, None, :, :]).abs().sum(2)   # N, O, L
        return out.view(n, -1, ho, wo)

class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = Adder2d(cin, cout, 3, stride, 1); self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = Adder2d(cout, cout, 3, 1, 1); self.bn2 = nn.BatchNorm2d(cout)
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(Adder2d(cin, cout, 1, stride, 0), nn.BatchNorm2d(cout))
    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + (x if self.down is None else self.down(x)))

class ResNet20(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 16, 3, 1, 1, bias=False); self.bn1 = nn.BatchNorm2d(16)
        layers, cin = [], 16
        for cout, stride in [(16, 1), (32, 2), (64, 2)]:
            for i in range(3):
                layers.append(Block(cin, cout, stride if i == 0 else 1)); cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Conv2d(64, 10, 1, bias=False); self.bn2 = nn.BatchNorm2d(10)
    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        x = F.avg_pool2d(self.layers(x), 8, 1)
        return self.bn2(self.fc(x)).flatten(1)

model = ResNet20().eval()
x = torch.randn(batch, 3, 32, 32)
with torch.no_grad():
    model(x)
    best = float('inf')
    for _ in range(repeats):
        t = time.perf_counter(); model(x); best = min(best, time.perf_counter() - t)
print(json.dumps({"threads": threads, "batch": batch, "images_per_s": batch / best}))
`;
