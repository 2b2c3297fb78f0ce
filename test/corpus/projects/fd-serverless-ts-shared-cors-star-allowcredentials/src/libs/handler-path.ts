export const handlerPath = (dir: string) => `${dir.split(process.cwd())[1].substring(1)}`;
