from django.urls import path
from django.views.generic import RedirectView

app_name = "criteria"

# Replaced by the catalogue pages of issue 3.
urlpatterns = [path("", RedirectView.as_view(url="/"), name="catalogue_list")]
