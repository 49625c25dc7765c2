from ecotown.accounts.choices import Role
from ecotown.core.scopes import grant

# Open data is for everyone, signed in or not (issue 18).
grant("opendata.view_snapshot", Role.PUBLIC)
grant("opendata.view_snapshotfile", Role.PUBLIC)
# Publishing now is the DIW administrator's (who holds every permission): snapshots are national and published
# nightly anyway. Nobody changes or deletes a snapshot: old ones stay downloadable.
grant("opendata.publish_snapshot")
