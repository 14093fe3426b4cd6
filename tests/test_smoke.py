import pytest

PUBLIC_PATHS = [
    "/",
    "/experiences/",
    "/experiences/faire-emerger-une-dynamique-collective/",
    "/contribuer/",
    "/evenements/",
    "/ressources/",
    "/livrets/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/accessibilite/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_pages_render(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert 'href="#contenu"' in html
