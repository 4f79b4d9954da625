// keycloakify/lib/BASE_URL reads import.meta (Vite only); the mocks just need a base path.
module.exports = { BASE_URL: "/" };
