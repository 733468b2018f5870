def automation_section(request):
    return None
