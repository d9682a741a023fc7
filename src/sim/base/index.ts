/** Moon Base Alpha: site, terrain, illumination, growth model, cargo landings, layout and click-panel text. */
export * from './site'
export * from './terrain'
export * from './illumination'
export * from './params'
export * from './growth'
export * from './layout'
export * from './describe'
export * from './landings'
