import logRequests from './log-requests'
import openCors from './open-cors'

export default {
  'log-requests': logRequests,
  'open-cors': openCors,
}
