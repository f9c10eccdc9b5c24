/** The sentences `npm start`'s server answers with (preview/server.ts). */

/** A request addressed to another name than the preview's loopback address (Host header). */
export const misdirected = (host: string | undefined): string =>
  `Misdirected request: this preview answers only at 127.0.0.1, localhost or [::1] with its port (the request named ${host ? `"${host}"` : 'no host'}).`;
