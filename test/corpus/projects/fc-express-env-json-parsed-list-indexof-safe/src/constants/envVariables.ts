const { DB_URI, PORT, WHITELIST } = process.env

const WHITE_LIST: string[] = JSON.parse(WHITELIST ?? '[]')

export { DB_URI, PORT, WHITE_LIST }
