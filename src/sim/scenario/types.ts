/**
 * The scenario schema: every assumption the user can change, with its unit, allowed range,
 * default and the source of that default. Schema-first: the TypeScript type of a scenario is
 * inferred from the schema, so a parameter cannot exist without its range and citation.
 */

interface ParamBase {
  /** Short label for the panel. */
  label: string
  /** Where the default comes from, e.g. "SOURCES §2: SpaceX, 19 Feb 2026 (A)". */
  source: string
  /** One sentence that says what it means, for tooltips. */
  help?: string
}

export interface NumberDef extends ParamBase {
  kind: 'number'
  unit: string
  min: number
  max: number
  default: number
  integer?: boolean
  step?: number
}

export interface EnumDef<O extends string = string> extends ParamBase {
  kind: 'enum'
  options: readonly O[]
  default: O
}

export interface BooleanDef extends ParamBase {
  kind: 'boolean'
  default: boolean
}

/** [year (fractional allowed), value]: a piecewise-linear curve over calendar years. */
export type SchedulePoint = readonly [year: number, value: number]

export interface ScheduleDef extends ParamBase {
  kind: 'schedule'
  unit: string
  min: number
  max: number
  default: readonly SchedulePoint[]
  /** 'linear' interpolates between points; 'step' holds each value until the next point. */
  interpolation: 'linear' | 'step'
}

export interface ListDef<S extends SchemaShape = SchemaShape> extends ParamBase {
  kind: 'list'
  item: S
  minItems: number
  maxItems: number
  default: readonly ValuesOf<S>[]
}

export type ParamDef = NumberDef | EnumDef | BooleanDef | ScheduleDef | ListDef<SchemaShape>

export type SchemaShape = { readonly [key: string]: ParamDef }

/** The value type a definition describes. */
export type ValueOf<D> = D extends NumberDef
  ? number
  : D extends EnumDef<infer O>
    ? O
    : D extends BooleanDef
      ? boolean
      : D extends ScheduleDef
        ? SchedulePoint[]
        : D extends ListDef<infer S>
          ? ValuesOf<S>[]
          : never

export type ValuesOf<S extends SchemaShape> = { -readonly [K in keyof S]: ValueOf<S[K]> }

/** Groups of parameters (horizon, constellation, base, massDriver, ...). */
export type ScenarioSchemaShape = { readonly [group: string]: SchemaShape }

export type ScenarioValues<G extends ScenarioSchemaShape> = { -readonly [K in keyof G]: ValuesOf<G[K]> }

export interface ValidationError {
  /** Dotted path of the offending field, e.g. "constellation.satelliteMassT" or "constellation.shells[1].altitudeKm". */
  path: string
  /** A sentence a user can act on: names the field, the allowed range and what was given. */
  message: string
}

// Small constructors so schema files read as data and keep literal option types.
export const num = (d: Omit<NumberDef, 'kind'>): NumberDef => ({ kind: 'number', ...d })
export const enm = <const O extends string>(d: Omit<EnumDef<O>, 'kind'>): EnumDef<O> => ({ kind: 'enum', ...d })
export const bool = (d: Omit<BooleanDef, 'kind'>): BooleanDef => ({ kind: 'boolean', ...d })
export const sched = (d: Omit<ScheduleDef, 'kind'>): ScheduleDef => ({ kind: 'schedule', ...d })
export const list = <S extends SchemaShape>(d: Omit<ListDef<S>, 'kind'>): ListDef<S> => ({ kind: 'list', ...d })

/** Value of a schedule at a fractional calendar year (clamped to its first and last points). */
export function scheduleAt(points: readonly SchedulePoint[], year: number, interpolation: 'linear' | 'step'): number {
  if (points.length === 0) return 0
  if (year <= points[0][0]) return points[0][1]
  const last = points[points.length - 1]
  if (year >= last[0]) return last[1]
  for (let i = 1; i < points.length; i++) {
    const [y1, v1] = points[i]
    if (year < y1) {
      const [y0, v0] = points[i - 1]
      if (interpolation === 'step') return v0
      return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0)
    }
  }
  return last[1]
}
