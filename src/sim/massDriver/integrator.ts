/**
 * Adaptive Dormand–Prince 5(4) integrator with error control and dense output.
 * Dormand & Prince 1980 (J. Comput. Appl. Math. 6, 19–26); step control, initial step and the
 * 4th-order continuous extension as in Hairer, Nørsett & Wanner, "Solving ODEs I" (DOPRI5).
 *
 * float64 state of any length n (6 for [x, y, z, vx, vy, vz]); all buffers are allocated once in
 * the constructor and reused, so a loop of step() calls allocates nothing.
 */
export type Deriv = (t: number, y: Float64Array, dydt: Float64Array) => void

export interface DopriOptions {
  /** Relative tolerance (per component, scaled by max(|y_old|, |y_new|)). */
  rtol: number
  /** Absolute tolerance, one number or one per component. */
  atol: number | ArrayLike<number>
  /** Largest step (default: unlimited). */
  hMax?: number
  /** First step (default: Hairer's estimate). */
  hInit?: number
  /** Give up after this many steps (default 1e6). */
  maxSteps?: number
}

// Butcher tableau (Dormand–Prince 1980).
const C2 = 1 / 5,
  C3 = 3 / 10,
  C4 = 4 / 5,
  C5 = 8 / 9
const A21 = 1 / 5
const A31 = 3 / 40,
  A32 = 9 / 40
const A41 = 44 / 45,
  A42 = -56 / 15,
  A43 = 32 / 9
const A51 = 19372 / 6561,
  A52 = -25360 / 2187,
  A53 = 64448 / 6561,
  A54 = -212 / 729
const A61 = 9017 / 3168,
  A62 = -355 / 33,
  A63 = 46732 / 5247,
  A64 = 49 / 176,
  A65 = -5103 / 18656
const A71 = 35 / 384,
  A73 = 500 / 1113,
  A74 = 125 / 192,
  A75 = -2187 / 6784,
  A76 = 11 / 84
// Error coefficients: 5th-order minus 4th-order weights.
const E1 = 71 / 57600,
  E3 = -71 / 16695,
  E4 = 71 / 1920,
  E5 = -17253 / 339200,
  E6 = 22 / 525,
  E7 = -1 / 40
// Dense output (Hairer's DOPRI5 contd5).
const D1 = -12715105075 / 11282082432,
  D3 = 87487479700 / 32700410799,
  D4 = -10690763975 / 1880347072
const D5 = 701980252875 / 199316789632,
  D6 = -1453857185 / 822651844,
  D7 = 69997945 / 29380423

const SAFETY = 0.9,
  FAC_MIN = 0.2,
  FAC_MAX = 10

export class Dopri5 {
  readonly n: number
  /** Current time and state (after the last accepted step). */
  t = 0
  readonly y: Float64Array
  /** Time and state at the start of the last accepted step (for dense output). */
  tPrev = 0
  readonly yPrev: Float64Array
  /** Next step size to try. */
  h = 0
  nAccepted = 0
  nRejected = 0
  nEval = 0

  private readonly f: Deriv
  private readonly rtol: number
  private readonly atol: Float64Array
  private readonly hMax: number
  private readonly hInit: number | undefined
  private readonly maxSteps: number
  private readonly k1: Float64Array
  private readonly k2: Float64Array
  private readonly k3: Float64Array
  private readonly k4: Float64Array
  private readonly k5: Float64Array
  private readonly k6: Float64Array
  private readonly k7: Float64Array
  private readonly ys: Float64Array
  private readonly y1: Float64Array
  private readonly r: Float64Array[] // dense coefficients rcont1..5
  private dir = 1

  constructor(n: number, f: Deriv, opts: DopriOptions) {
    this.n = n
    this.f = f
    this.rtol = opts.rtol
    this.atol = new Float64Array(n)
    for (let i = 0; i < n; i++) this.atol[i] = typeof opts.atol === 'number' ? opts.atol : opts.atol[i]
    this.hMax = opts.hMax ?? Infinity
    this.hInit = opts.hInit
    this.maxSteps = opts.maxSteps ?? 1e6
    const mk = () => new Float64Array(n)
    this.y = mk()
    this.yPrev = mk()
    this.k1 = mk()
    this.k2 = mk()
    this.k3 = mk()
    this.k4 = mk()
    this.k5 = mk()
    this.k6 = mk()
    this.k7 = mk()
    this.ys = mk()
    this.y1 = mk()
    this.r = [mk(), mk(), mk(), mk(), mk()]
  }

  /** Starts (or restarts) at t0, y0; `towards` sets the direction of integration and the first-step guess. */
  init(t0: number, y0: ArrayLike<number>, towards: number): void {
    this.t = t0
    this.tPrev = t0
    for (let i = 0; i < this.n; i++) this.y[i] = this.yPrev[i] = y0[i]
    this.dir = towards >= t0 ? 1 : -1
    this.nAccepted = this.nRejected = 0
    this.nEval = 1
    this.f(t0, this.y, this.k1)
    this.h = this.hInit ?? this.initialStep(Math.abs(towards - t0))
  }

  private sk(i: number, a: number, b: number): number {
    return this.atol[i] + this.rtol * Math.max(Math.abs(a), Math.abs(b))
  }

  /** Hairer's starting step: h0 from |y|/|f|, then a second-derivative estimate. */
  private initialStep(span: number): number {
    const { n, y, k1, k2, ys } = this
    let dnf = 0,
      dny = 0
    for (let i = 0; i < n; i++) {
      const s = this.sk(i, y[i], y[i])
      dnf += (k1[i] / s) ** 2
      dny += (y[i] / s) ** 2
    }
    let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01
    h = Math.min(h, this.hMax, span || Infinity)
    for (let i = 0; i < n; i++) ys[i] = y[i] + this.dir * h * k1[i]
    this.f(this.t + this.dir * h, ys, k2)
    this.nEval++
    let der2 = 0
    for (let i = 0; i < n; i++) der2 += ((k2[i] - k1[i]) / this.sk(i, y[i], y[i])) ** 2
    der2 = Math.sqrt(der2) / h
    const der12 = Math.max(Math.abs(der2), Math.sqrt(dnf))
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** (1 / 5)
    return Math.min(100 * h, h1, this.hMax, span || Infinity)
  }

  /**
   * Takes one accepted step, not beyond tEnd. Returns false (and does nothing) when already at tEnd.
   * Throws when the step size underflows or maxSteps is exceeded.
   */
  step(tEnd: number): boolean {
    const { n, f, y, y1, ys, k1, k2, k3, k4, k5, k6, k7 } = this
    const dir = this.dir
    const left = (tEnd - this.t) * dir
    if (left <= 0) return false
    let facMax = FAC_MAX
    for (;;) {
      if (this.nAccepted + this.nRejected >= this.maxSteps) throw new Error(`Dopri5: more than ${this.maxSteps} steps`)
      let h = Math.min(Math.abs(this.h), this.hMax)
      const last = h >= left * (1 - 1e-12)
      if (last) h = left
      const hs = h * dir
      const t = this.t
      if (Math.abs(hs) <= Math.abs(t) * 1e-15) throw new Error(`Dopri5: step size underflow at t = ${t}`)
      for (let i = 0; i < n; i++) ys[i] = y[i] + hs * A21 * k1[i]
      f(t + C2 * hs, ys, k2)
      for (let i = 0; i < n; i++) ys[i] = y[i] + hs * (A31 * k1[i] + A32 * k2[i])
      f(t + C3 * hs, ys, k3)
      for (let i = 0; i < n; i++) ys[i] = y[i] + hs * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i])
      f(t + C4 * hs, ys, k4)
      for (let i = 0; i < n; i++) ys[i] = y[i] + hs * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i])
      f(t + C5 * hs, ys, k5)
      for (let i = 0; i < n; i++) ys[i] = y[i] + hs * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i])
      const tNew = last ? tEnd : t + hs
      f(tNew, ys, k6)
      for (let i = 0; i < n; i++) y1[i] = y[i] + hs * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i])
      f(tNew, y1, k7) // FSAL: k7 is the next step's k1
      this.nEval += 6
      let err = 0
      for (let i = 0; i < n; i++) {
        const e = hs * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i])
        err += (e / this.sk(i, y[i], y1[i])) ** 2
      }
      err = Math.sqrt(err / n)
      const fac = Math.min(facMax, Math.max(FAC_MIN, SAFETY * (err || 1e-10) ** -0.2))
      if (err <= 1) {
        const [r1, r2, r3, r4, r5] = this.r
        for (let i = 0; i < n; i++) {
          const dy = y1[i] - y[i]
          const bspl = hs * k1[i] - dy
          r1[i] = y[i]
          r2[i] = dy
          r3[i] = bspl
          r4[i] = dy - hs * k7[i] - bspl
          r5[i] = hs * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i])
          this.yPrev[i] = y[i]
          y[i] = y1[i]
          k1[i] = k7[i]
        }
        this.tPrev = t
        this.t = tNew
        this.nAccepted++
        this.h = h * fac
        return true
      }
      this.nRejected++
      this.h = h * Math.min(1, fac)
      facMax = 1 // no growth right after a rejection
    }
  }

  /** Dense output (4th order) at t within the last accepted step [tPrev, t]; writes n values. */
  dense(t: number, out: Float64Array, offset = 0): Float64Array {
    const span = this.t - this.tPrev
    const s = span === 0 ? 1 : (t - this.tPrev) / span
    const s1 = 1 - s
    const [r1, r2, r3, r4, r5] = this.r
    for (let i = 0; i < this.n; i++) out[offset + i] = r1[i] + s * (r2[i] + s1 * (r3[i] + s * (r4[i] + s1 * r5[i])))
    return out
  }

  /** Integrates to tEnd and returns the state (a view of this.y). */
  run(tEnd: number): Float64Array {
    while (this.step(tEnd));
    return this.y
  }
}

/** One-shot helper: integrate y' = f(t, y) from t0 to t1. Returns a fresh array and the stepper's counters. */
export function integrate(f: Deriv, t0: number, y0: ArrayLike<number>, t1: number, opts: DopriOptions) {
  const s = new Dopri5(y0.length, f, opts)
  s.init(t0, y0, t1)
  s.run(t1)
  return { y: Float64Array.from(s.y), nAccepted: s.nAccepted, nRejected: s.nRejected, nEval: s.nEval }
}
