from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


def _one_whole_number(request, name: str, lowest: int, highest: int | None, message: str):
    """The parameter as an int, None when absent; anything else the schema forbids is a 400."""
    values = request.query_params.getlist(name)
    if not values:
        return None
    if len(values) > 1 or not values[0].isdigit() or int(values[0]) < lowest:
        raise ValidationError({name: [message]})
    if highest is not None and int(values[0]) > highest:
        raise ValidationError({name: [message]})
    return int(values[0])


class Pagination(PageNumberPagination):
    """`page` and `page_size` as the schema says: whole numbers (page from 1, page_size 1 to
    500); anything else is a 400, not silently the default (DRF reads `?page=` as page 1)."""

    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        size = _one_whole_number(
            request, self.page_size_query_param, 1, 500, _("Give one whole number from 1 to 500.")
        )
        return self.page_size if size is None else size

    def paginate_queryset(self, queryset, request, view=None):
        _one_whole_number(
            request, self.page_query_param, 1, None, _("Give one whole number from 1.")
        )
        return super().paginate_queryset(queryset, request, view)
