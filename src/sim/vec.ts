/**
 * Minimal float64 3-vector helpers for the simulation core. Functions write into a caller-owned
 * `out` so hot paths (the render loop, integrators) allocate nothing (three.js's target pattern).
 */
export interface Vec3 {
  x: number
  y: number
  z: number
}

export const vec3 = (x = 0, y = 0, z = 0): Vec3 => ({ x, y, z })

export function setVec(out: Vec3, x: number, y: number, z: number): Vec3 {
  out.x = x
  out.y = y
  out.z = z
  return out
}

export function scaleVec(out: Vec3, a: Vec3, s: number): Vec3 {
  return setVec(out, a.x * s, a.y * s, a.z * s)
}

export const dot = (a: Vec3, b: Vec3): number => a.x * b.x + a.y * b.y + a.z * b.z
export const norm = (a: Vec3): number => Math.hypot(a.x, a.y, a.z)

export function normalizeVec(out: Vec3, a: Vec3): Vec3 {
  const n = norm(a) || 1
  return setVec(out, a.x / n, a.y / n, a.z / n)
}

/** out = a × b. `out` may be `a` or `b`. */
export function cross(out: Vec3, a: Vec3, b: Vec3): Vec3 {
  return setVec(out, a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

/**
 * Rodrigues' rotation: p turned about the unit axis k by the angle whose cosine and sine are given,
 * p cos θ + (k × p) sin θ + k (k·p)(1 − cos θ). `out` may be `p`.
 */
export function rotateAboutAxis(out: Vec3, p: Vec3, k: Vec3, cos: number, sin: number): Vec3 {
  const kd = (k.x * p.x + k.y * p.y + k.z * p.z) * (1 - cos)
  return setVec(
    out,
    p.x * cos + (k.y * p.z - k.z * p.y) * sin + k.x * kd,
    p.y * cos + (k.z * p.x - k.x * p.z) * sin + k.y * kd,
    p.z * cos + (k.x * p.y - k.y * p.x) * sin + k.z * kd,
  )
}

const TWO_PI = 2 * Math.PI

/** The angle reduced to [0, 2π) (exact remainder, float64). */
export function wrapTwoPi(angle: number): number {
  const t = angle % TWO_PI
  const r = t < 0 ? t + TWO_PI : t
  return r < TWO_PI ? r : 0
}

/** 3×3 rotation matrix, row-major, as a Float64Array(9). out = M · v. */
export function mulMat3Vec(out: Vec3, m: ArrayLike<number>, v: Vec3): Vec3 {
  return setVec(out, m[0] * v.x + m[1] * v.y + m[2] * v.z, m[3] * v.x + m[4] * v.y + m[5] * v.z, m[6] * v.x + m[7] * v.y + m[8] * v.z)
}

/** out = Mᵀ · v (the inverse of a rotation). */
export function mulMat3TVec(out: Vec3, m: ArrayLike<number>, v: Vec3): Vec3 {
  return setVec(out, m[0] * v.x + m[3] * v.y + m[6] * v.z, m[1] * v.x + m[4] * v.y + m[7] * v.z, m[2] * v.x + m[5] * v.y + m[8] * v.z)
}
