"""Serializers of the open-data API (Wagtail API v2) for the experience pages."""

from rest_framework import serializers


class DepartmentSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    region = serializers.CharField(source="region.name")


class ThemeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    label = serializers.CharField()


class DocumentSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    file_extension = serializers.CharField()
    file_size = serializers.IntegerField(source="get_file_size")
