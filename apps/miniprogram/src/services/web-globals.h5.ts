// h5: the browser has fetch, Request, Response, Headers and FormData.
export {};
