from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    """`page` and `page_size` as the schema says: whole numbers (page_size 1 to 500); anything
    else is a 400, not silently the default."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        values = request.query_params.getlist(self.page_size_query_param)
        if not values:
            return self.page_size
        if len(values) > 1 or not values[0].isdigit() or not 1 <= int(values[0]) <= 500:
            raise ValidationError(
                {self.page_size_query_param: [_("Give one whole number from 1 to 500.")]}
            )
        return int(values[0])

    def paginate_queryset(self, queryset, request, view=None):
        values = request.query_params.getlist(self.page_query_param)
        # DRF reads an empty `?page=` as page 1; the schema says a whole number from 1
        if values and (len(values) > 1 or not values[0].isdigit() or int(values[0]) < 1):
            raise ValidationError({self.page_query_param: [_("Give one whole number from 1.")]})
        return super().paginate_queryset(queryset, request, view)
