"""Knowledge base: actors (states, international organisations) and an exact place index."""

from communique.kb.actors import Actor, ActorTable, Alias, load_actors, load_overlay
from communique.kb.places import Place, PlaceIndex, load_places

__all__ = ["Actor", "ActorTable", "Alias", "load_actors", "load_overlay",
           "Place", "PlaceIndex", "load_places"]
