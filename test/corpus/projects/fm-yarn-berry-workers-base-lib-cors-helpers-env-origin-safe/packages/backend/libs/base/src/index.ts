export * from './utility/http.utility';
