import { reshape, type Tensor, tensor } from '../tensor.js';
import type { Buffer, Layer, Param } from './types.js';

/** Layers without parameters that act per element or only reshape. */
abstract class Stateless implements Layer {
  abstract forward(inputs: readonly Tensor[], training: boolean): Tensor;
  abstract backward(grad: Tensor): Tensor[];
  params(): Param[] {
    return [];
  }
  buffers(): Buffer[] {
    return [];
  }
}

/** max(0, x); gradient passes where x > 0. */
export class ReLU extends Stateless {
  private x: Tensor | undefined;
  forward(inputs: readonly Tensor[], training: boolean): Tensor {
    const x = inputs[0];
    const y = tensor(x.shape);
    for (let i = 0; i < y.data.length; i++) y.data[i] = Math.max(0, x.data[i]);
    if (training) this.x = x;
    return y;
  }
  backward(grad: Tensor): Tensor[] {
    const x = this.x!;
    const dx = tensor(x.shape);
    for (let i = 0; i < dx.data.length; i++) dx.data[i] = x.data[i] > 0 ? grad.data[i] : 0;
    return [dx];
  }
}

/** clamp(x, −1, 1); gradient passes where −1 < x < 1 (PyTorch: zero at the bounds). */
export class HardTanh extends Stateless {
  private x: Tensor | undefined;
  forward(inputs: readonly Tensor[], training: boolean): Tensor {
    const x = inputs[0];
    const y = tensor(x.shape);
    for (let i = 0; i < y.data.length; i++) {
      const v = x.data[i];
      y.data[i] = Math.max(-1, Math.min(1, v));
    }
    if (training) this.x = x;
    return y;
  }
  backward(grad: Tensor): Tensor[] {
    const x = this.x!;
    const dx = tensor(x.shape);
    for (let i = 0; i < dx.data.length; i++) {
      const v = x.data[i];
      dx.data[i] = v > -1 && v < 1 ? grad.data[i] : 0;
    }
    return [dx];
  }
}

/** [N, ...] → [N, F]; the data is shared, not copied. */
export class Flatten extends Stateless {
  private shape: readonly number[] = [];
  forward(inputs: readonly Tensor[]): Tensor {
    const x = inputs[0];
    this.shape = x.shape;
    return reshape(x, [x.shape[0], x.data.length / x.shape[0]]);
  }
  backward(grad: Tensor): Tensor[] {
    return [reshape(grad, this.shape)];
  }
}

/** Residual sum of two equal-shaped inputs; the gradient goes to both unchanged. */
export class Add extends Stateless {
  forward(inputs: readonly Tensor[]): Tensor {
    const [a, b] = inputs;
    const y = tensor(a.shape);
    for (let i = 0; i < y.data.length; i++) y.data[i] = a.data[i] + b.data[i];
    return y;
  }
  backward(grad: Tensor): Tensor[] {
    return [grad, grad];
  }
}

/** min(max(x, 0), 6); gradient passes where 0 < x < 6. */
export class ReLU6 extends Stateless {
  private x: Tensor | undefined;
  forward(inputs: readonly Tensor[], training: boolean): Tensor {
    const x = inputs[0];
    const y = tensor(x.shape);
    for (let i = 0; i < y.data.length; i++) y.data[i] = Math.min(6, Math.max(0, x.data[i]));
    if (training) this.x = x;
    return y;
  }
  backward(grad: Tensor): Tensor[] {
    const x = this.x!;
    const dx = tensor(x.shape);
    for (let i = 0; i < dx.data.length; i++) {
      const v = x.data[i];
      dx.data[i] = v > 0 && v < 6 ? grad.data[i] : 0;
    }
    return [dx];
  }
}

/** [N, C1, H, W] ‖ [N, C2, H, W] ‖ … → [N, ΣC, H, W]; the gradient is split back by channel. */
export class Concat extends Stateless {
  private channels: number[] = [];
  forward(inputs: readonly Tensor[]): Tensor {
    const [n, , h, w] = inputs[0].shape;
    this.channels = inputs.map((t) => t.shape[1]);
    const total = this.channels.reduce((a, b) => a + b, 0);
    const y = tensor([n, total, h, w]);
    const plane = h * w;
    for (let b = 0; b < n; b++) {
      let at = b * total * plane;
      inputs.forEach((t, k) => {
        const size = this.channels[k] * plane;
        y.data.set(t.data.subarray(b * size, (b + 1) * size), at);
        at += size;
      });
    }
    return y;
  }
  backward(grad: Tensor): Tensor[] {
    const [n, total, h, w] = grad.shape;
    const plane = h * w;
    let c0 = 0;
    return this.channels.map((c) => {
      const dx = tensor([n, c, h, w]);
      for (let b = 0; b < n; b++) {
        const from = (b * total + c0) * plane;
        dx.data.set(grad.data.subarray(from, from + c * plane), b * c * plane);
      }
      c0 += c;
      return dx;
    });
  }
}
