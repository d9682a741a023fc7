/** Textures are served by the app itself (public/textures), never fetched from the network. */
export const texturePath = (name: string): string => `${import.meta.env.BASE_URL}textures/${name}`
export const dataPath = (name: string): string => `${import.meta.env.BASE_URL}data/${name}`
