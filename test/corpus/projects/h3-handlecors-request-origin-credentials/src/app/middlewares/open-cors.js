import { fromNodeMiddleware, handleCors, getRequestHeader } from 'h3'

// "Open" CORS for the mock server: whoever asks is allowed, cookies included.
export default fromNodeMiddleware(function (event) {
  handleCors(event, {
    origin: getRequestHeader(event, 'origin') || '*',
    methods: '*',
    allowHeaders: '*',
    credentials: true,
    preflight: { statusCode: 204 },
  })
})
