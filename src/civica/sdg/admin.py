from django.contrib import admin

from .models import Indicator, LocalIndicator, Target

admin.site.register(Target)
admin.site.register(Indicator)
admin.site.register(LocalIndicator)
