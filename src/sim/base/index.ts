/** Moon Base Alpha: site, terrain, illumination, growth model, layout and click-panel text. */
export * from './site'
export * from './terrain'
export * from './illumination'
export * from './params'
export * from './growth'
export * from './layout'
export * from './describe'
