import { WHITE_LIST } from '../constants/envVariables'

export default {
  origin: function (origin: string | undefined, callback: (err: Error | null, ok?: boolean) => void): void {
    if (WHITE_LIST.indexOf(origin as string) !== -1 || origin === undefined) {
      callback(null, true)
    } else {
      callback(new Error('Not allowed by CORS'))
    }
  },
}
