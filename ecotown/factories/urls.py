app_name = "factories"

urlpatterns = []
