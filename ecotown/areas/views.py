from ecotown.areas.models import Area
from ecotown.core import views as core


class AreaListView(core.ObjectListView):
    model = Area
