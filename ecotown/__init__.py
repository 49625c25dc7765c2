"""EcoTown: the platform that runs Thailand's Eco-Industrial Town programme."""
