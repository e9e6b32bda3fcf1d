// weapp: WeChat's JS runtime has no fetch classes; openapi-fetch builds a Request, reads a
// Response and checks `instanceof FormData`. whatwg-fetch's classes are plain JS; the transport
// itself is Taro.request (see api.ts), never XHR.
import { Headers, Request, Response } from 'whatwg-fetch';

const g = globalThis as unknown as Record<string, unknown>;
if (!g.Headers) g.Headers = Headers;
if (!g.Request) g.Request = Request;
if (!g.Response) g.Response = Response;
if (!g.FormData) g.FormData = class FormData {};

export {};
