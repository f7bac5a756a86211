package de.kontor.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static de.kontor.support.MatrixTable.assertCells;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import de.kontor.support.MatrixTable.Row;
import de.kontor.support.AbstractIT;
import de.kontor.support.MatrixTable;
import de.kontor.support.ApiClient;
import de.kontor.support.Http;
import de.kontor.support.TestData;
import de.kontor.support.TestData.TestSpace;
import de.kontor.support.TestData.TestUser;
import de.kontor.support.WebSession;

/**
 * Who gets which HTTP status from every space endpoint, for every kind of viewer and space. The two tables below
 * ARE the specification: a later issue that adds an endpoint inside a space adds its rows here.
 *
 * <p>Row format: {@code METHOD path [body] | space kind | one status per viewer column}.
 * <ul>
 * <li>Space kinds: {@code public}, {@code private}, {@code secret}, {@code archived} (an archived public space),
 * {@code archsecret} (an archived secret space), {@code -} (not about one space).</li>
 * <li>Viewer columns, in order: administrator, owner, moderator, member, non-member (a company member),
 * invited (a company member with a pending invitation), guest-in-space (a guest who is a member),
 * guest-elsewhere (a guest who is a member of another space), deactivated (a former member), anonymous.</li>
 * <li>A cell is the exact status; {@code L} means 302 to {@code /login}; a plain {@code 302} is a redirect
 * anywhere else (the form action succeeded).</li>
 * <li>Placeholders: {@code {id}} the space, {@code {target}} a plain member, {@code {requester}} someone with an
 * open join request, {@code {invitee}}/{@code {inviteeEmail}} a company member to invite, {@code {self}} the
 * viewer, {@code {name}}/{@code {visibility}} the space's current values, {@code {unique}} a fresh name.</li>
 * </ul>
 * Every cell runs against a fresh space (owner, moderator, member, guest, deactivated member, target member, an
 * invitation and a join request), so writes never influence other cells.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityMatrixIT extends AbstractIT {

    static final String HTML = """
            # endpoint                                               | kind       | adm own mod mem non inv gIn gOut dea ano
            GET  /                                                   | -          | 200 200 200 200 200 200 200 200 L   L
            GET  /spaces/mine                                        | -          | 200 200 200 200 200 200 200 200 L   L
            GET  /spaces                                             | -          | 200 200 200 200 200 200 200 200 L   L
            GET  /spaces/new                                         | -          | 200 200 200 200 200 200 403 403 L   L
            POST /spaces name={unique}&visibility=PUBLIC             | -          | 302 302 302 302 302 302 403 403 L   L

            GET  /spaces/{id}                                        | public     | 200 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}                                        | private    | 200 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}                                        | secret     | 200 200 200 200 404 200 200 404 L   L
            GET  /spaces/{id}                                        | archived   | 200 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}                                        | archsecret | 200 200 200 200 404 200 200 404 L   L

            GET  /spaces/{id}/members                                | public     | 200 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/members                                | private    | 200 200 200 200 403 403 200 404 L   L
            GET  /spaces/{id}/members                                | secret     | 200 200 200 200 404 403 200 404 L   L
            GET  /spaces/{id}/members                                | archived   | 200 200 200 200 200 200 200 404 L   L
            GET  /spaces/{id}/members                                | archsecret | 200 200 200 200 404 403 200 404 L   L

            GET  /spaces/{id}/settings                               | public     | 200 200 200 403 403 403 403 404 L   L
            GET  /spaces/{id}/settings                               | private    | 200 200 200 403 403 403 403 404 L   L
            GET  /spaces/{id}/settings                               | secret     | 200 200 200 403 404 403 403 404 L   L
            GET  /spaces/{id}/settings                               | archived   | 200 200 200 403 403 403 403 404 L   L
            GET  /spaces/{id}/settings                               | archsecret | 200 200 200 403 404 403 403 404 L   L

            GET  /spaces/{id}/invitations/suggestions?email=test     | public     | 200 200 200 403 403 403 403 404 L   L
            GET  /spaces/{id}/invitations/suggestions?email=test     | private    | 200 200 200 403 403 403 403 404 L   L
            GET  /spaces/{id}/invitations/suggestions?email=test     | secret     | 200 200 200 403 404 403 403 404 L   L
            GET  /spaces/{id}/invitations/suggestions?email=test     | archived   | 200 200 200 403 403 403 403 404 L   L
            GET  /spaces/{id}/invitations/suggestions?email=test     | archsecret | 200 200 200 403 404 403 403 404 L   L

            POST /spaces/{id}/join                                   | public     | 302 409 409 409 302 302 409 404 L   L
            POST /spaces/{id}/join                                   | private    | 302 409 409 409 403 403 409 404 L   L
            POST /spaces/{id}/join                                   | secret     | 302 409 409 409 404 403 409 404 L   L
            POST /spaces/{id}/join                                   | archived   | 409 409 409 409 409 409 409 404 L   L
            POST /spaces/{id}/join                                   | archsecret | 409 409 409 409 404 403 409 404 L   L

            POST /spaces/{id}/request                                | public     | 409 409 409 409 409 409 409 404 L   L
            POST /spaces/{id}/request                                | private    | 302 409 409 409 302 302 409 404 L   L
            POST /spaces/{id}/request                                | secret     | 403 409 409 409 404 403 409 404 L   L
            POST /spaces/{id}/request                                | archived   | 409 409 409 409 409 409 409 404 L   L
            POST /spaces/{id}/request                                | archsecret | 403 409 409 409 404 403 409 404 L   L

            POST /spaces/{id}/leave                                  | public     | 409 409 302 302 409 409 302 404 L   L
            POST /spaces/{id}/leave                                  | private    | 409 409 302 302 409 409 302 404 L   L
            POST /spaces/{id}/leave                                  | secret     | 409 409 302 302 404 409 302 404 L   L
            POST /spaces/{id}/leave                                  | archived   | 409 409 302 302 409 409 302 404 L   L
            POST /spaces/{id}/leave                                  | archsecret | 409 409 302 302 404 409 302 404 L   L

            POST /spaces/{id}/invitations email={inviteeEmail}       | public     | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/invitations email={inviteeEmail}       | private    | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/invitations email={inviteeEmail}       | secret     | 302 302 302 403 404 403 403 404 L   L
            POST /spaces/{id}/invitations email={inviteeEmail}       | archived   | 409 409 409 403 403 403 403 404 L   L
            POST /spaces/{id}/invitations email={inviteeEmail}       | archsecret | 409 409 409 403 404 403 403 404 L   L

            POST /spaces/{id}/invitations/accept                     | public     | 404 404 404 404 404 302 404 404 L   L
            POST /spaces/{id}/invitations/accept                     | private    | 404 404 404 404 404 302 404 404 L   L
            POST /spaces/{id}/invitations/accept                     | secret     | 404 404 404 404 404 302 404 404 L   L
            POST /spaces/{id}/invitations/accept                     | archived   | 404 404 404 404 404 409 404 404 L   L
            POST /spaces/{id}/invitations/accept                     | archsecret | 404 404 404 404 404 409 404 404 L   L

            POST /spaces/{id}/invitations/decline                    | public     | 404 404 404 404 404 302 404 404 L   L
            POST /spaces/{id}/invitations/decline                    | private    | 404 404 404 404 404 302 404 404 L   L
            POST /spaces/{id}/invitations/decline                    | secret     | 404 404 404 404 404 302 404 404 L   L
            POST /spaces/{id}/invitations/decline                    | archived   | 404 404 404 404 404 409 404 404 L   L
            POST /spaces/{id}/invitations/decline                    | archsecret | 404 404 404 404 404 409 404 404 L   L

            POST /spaces/{id}/requests/{requester}/approve           | public     | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/approve           | private    | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/approve           | secret     | 302 302 302 403 404 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/approve           | archived   | 409 409 409 403 403 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/approve           | archsecret | 409 409 409 403 404 403 403 404 L   L

            POST /spaces/{id}/requests/{requester}/decline           | public     | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/decline           | private    | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/decline           | secret     | 302 302 302 403 404 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/decline           | archived   | 409 409 409 403 403 403 403 404 L   L
            POST /spaces/{id}/requests/{requester}/decline           | archsecret | 409 409 409 403 404 403 403 404 L   L

            POST /spaces/{id}/members/{target}/remove                | public     | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/members/{target}/remove                | private    | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/members/{target}/remove                | secret     | 302 302 302 403 404 403 403 404 L   L
            POST /spaces/{id}/members/{target}/remove                | archived   | 409 409 409 403 403 403 403 404 L   L
            POST /spaces/{id}/members/{target}/remove                | archsecret | 409 409 409 403 404 403 403 404 L   L

            POST /spaces/{id}/members/{target}/role role=MODERATOR   | public     | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/members/{target}/role role=MODERATOR   | private    | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/members/{target}/role role=MODERATOR   | secret     | 302 302 403 403 404 403 403 404 L   L
            POST /spaces/{id}/members/{target}/role role=MODERATOR   | archived   | 409 409 403 403 403 403 403 404 L   L
            POST /spaces/{id}/members/{target}/role role=MODERATOR   | archsecret | 409 409 403 403 404 403 403 404 L   L

            POST /spaces/{id}/settings name={name}&description=changed&visibility={visibility}
                                                                     | public     | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/settings name={name}&description=changed&visibility={visibility}
                                                                     | private    | 302 302 302 403 403 403 403 404 L   L
            POST /spaces/{id}/settings name={name}&description=changed&visibility={visibility}
                                                                     | secret     | 302 302 302 403 404 403 403 404 L   L
            POST /spaces/{id}/settings name={name}&description=changed&visibility={visibility}
                                                                     | archived   | 409 409 409 403 403 403 403 404 L   L
            POST /spaces/{id}/settings name={name}&description=changed&visibility={visibility}
                                                                     | archsecret | 409 409 409 403 404 403 403 404 L   L

            POST /spaces/{id}/archive                                | public     | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/archive                                | private    | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/archive                                | secret     | 302 302 403 403 404 403 403 404 L   L
            POST /spaces/{id}/archive                                | archived   | 409 409 403 403 403 403 403 404 L   L
            POST /spaces/{id}/archive                                | archsecret | 409 409 403 403 404 403 403 404 L   L

            POST /spaces/{id}/unarchive                              | public     | 409 409 403 403 403 403 403 404 L   L
            POST /spaces/{id}/unarchive                              | private    | 409 409 403 403 403 403 403 404 L   L
            POST /spaces/{id}/unarchive                              | secret     | 409 409 403 403 404 403 403 404 L   L
            POST /spaces/{id}/unarchive                              | archived   | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/unarchive                              | archsecret | 302 302 403 403 404 403 403 404 L   L

            POST /spaces/{id}/transfer userId={target}               | public     | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/transfer userId={target}               | private    | 302 302 403 403 403 403 403 404 L   L
            POST /spaces/{id}/transfer userId={target}               | secret     | 302 302 403 403 404 403 403 404 L   L
            POST /spaces/{id}/transfer userId={target}               | archived   | 409 409 403 403 403 403 403 404 L   L
            POST /spaces/{id}/transfer userId={target}               | archsecret | 409 409 403 403 404 403 403 404 L   L
            """;

    static final String API = """
            # endpoint                                                 | kind       | adm own mod mem non inv gIn gOut dea ano
            GET    /api/v1/spaces                                      | -          | 200 200 200 200 200 200 200 200 401 401
            POST   /api/v1/spaces {"name":"{unique}","visibility":"PUBLIC"}
                                                                       | -          | 201 201 201 201 201 201 403 403 401 401

            GET    /api/v1/spaces/{id}                                 | public     | 200 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}                                 | private    | 200 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}                                 | secret     | 200 200 200 200 404 200 200 404 401 401
            GET    /api/v1/spaces/{id}                                 | archived   | 200 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}                                 | archsecret | 200 200 200 200 404 200 200 404 401 401

            PATCH  /api/v1/spaces/{id} {"description":"changed"}       | public     | 200 200 200 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"description":"changed"}       | private    | 200 200 200 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"description":"changed"}       | secret     | 200 200 200 403 404 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"description":"changed"}       | archived   | 409 409 409 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"description":"changed"}       | archsecret | 409 409 409 403 404 403 403 404 401 401

            PATCH  /api/v1/spaces/{id} {"archived":true}               | public     | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":true}               | private    | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":true}               | secret     | 200 200 403 403 404 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":true}               | archived   | 409 409 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":true}               | archsecret | 409 409 403 403 404 403 403 404 401 401

            PATCH  /api/v1/spaces/{id} {"archived":false}              | public     | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":false}              | private    | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":false}              | secret     | 200 200 403 403 404 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":false}              | archived   | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id} {"archived":false}              | archsecret | 200 200 403 403 404 403 403 404 401 401

            GET    /api/v1/spaces/{id}/members                         | public     | 200 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/members                         | private    | 200 200 200 200 403 403 200 404 401 401
            GET    /api/v1/spaces/{id}/members                         | secret     | 200 200 200 200 404 403 200 404 401 401
            GET    /api/v1/spaces/{id}/members                         | archived   | 200 200 200 200 200 200 200 404 401 401
            GET    /api/v1/spaces/{id}/members                         | archsecret | 200 200 200 200 404 403 200 404 401 401

            POST   /api/v1/spaces/{id}/members                         | public     | 201 409 409 409 201 201 409 404 401 401
            POST   /api/v1/spaces/{id}/members                         | private    | 201 409 409 409 202 202 409 404 401 401
            POST   /api/v1/spaces/{id}/members                         | secret     | 201 409 409 409 404 403 409 404 401 401
            POST   /api/v1/spaces/{id}/members                         | archived   | 409 409 409 409 409 409 409 404 401 401
            POST   /api/v1/spaces/{id}/members                         | archsecret | 409 409 409 409 404 403 409 404 401 401

            DELETE /api/v1/spaces/{id}/members/{self}                  | public     | 409 409 204 204 409 409 204 404 401 401
            DELETE /api/v1/spaces/{id}/members/{self}                  | private    | 409 409 204 204 409 409 204 404 401 401
            DELETE /api/v1/spaces/{id}/members/{self}                  | secret     | 409 409 204 204 404 409 204 404 401 401
            DELETE /api/v1/spaces/{id}/members/{self}                  | archived   | 409 409 204 204 409 409 204 404 401 401
            DELETE /api/v1/spaces/{id}/members/{self}                  | archsecret | 409 409 204 204 404 409 204 404 401 401

            DELETE /api/v1/spaces/{id}/members/{target}                | public     | 204 204 204 403 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/members/{target}                | private    | 204 204 204 403 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/members/{target}                | secret     | 204 204 204 403 404 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/members/{target}                | archived   | 409 409 409 403 403 403 403 404 401 401
            DELETE /api/v1/spaces/{id}/members/{target}                | archsecret | 409 409 409 403 404 403 403 404 401 401

            PATCH  /api/v1/spaces/{id}/members/{target} {"role":"MODERATOR"}
                                                                       | public     | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id}/members/{target} {"role":"MODERATOR"}
                                                                       | private    | 200 200 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id}/members/{target} {"role":"MODERATOR"}
                                                                       | secret     | 200 200 403 403 404 403 403 404 401 401
            PATCH  /api/v1/spaces/{id}/members/{target} {"role":"MODERATOR"}
                                                                       | archived   | 409 409 403 403 403 403 403 404 401 401
            PATCH  /api/v1/spaces/{id}/members/{target} {"role":"MODERATOR"}
                                                                       | archsecret | 409 409 403 403 404 403 403 404 401 401

            GET    /api/v1/spaces/{id}/invitations                     | public     | 200 200 200 403 403 403 403 404 401 401
            GET    /api/v1/spaces/{id}/invitations                     | private    | 200 200 200 403 403 403 403 404 401 401
            GET    /api/v1/spaces/{id}/invitations                     | secret     | 200 200 200 403 404 403 403 404 401 401
            GET    /api/v1/spaces/{id}/invitations                     | archived   | 200 200 200 403 403 403 403 404 401 401
            GET    /api/v1/spaces/{id}/invitations                     | archsecret | 200 200 200 403 404 403 403 404 401 401

            POST   /api/v1/spaces/{id}/invitations {"userId":"{invitee}"}
                                                                       | public     | 201 201 201 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/invitations {"userId":"{invitee}"}
                                                                       | private    | 201 201 201 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/invitations {"userId":"{invitee}"}
                                                                       | secret     | 201 201 201 403 404 403 403 404 401 401
            POST   /api/v1/spaces/{id}/invitations {"userId":"{invitee}"}
                                                                       | archived   | 409 409 409 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/invitations {"userId":"{invitee}"}
                                                                       | archsecret | 409 409 409 403 404 403 403 404 401 401

            POST   /api/v1/spaces/{id}/invitations/accept              | public     | 404 404 404 404 404 200 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/accept              | private    | 404 404 404 404 404 200 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/accept              | secret     | 404 404 404 404 404 200 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/accept              | archived   | 404 404 404 404 404 409 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/accept              | archsecret | 404 404 404 404 404 409 404 404 401 401

            POST   /api/v1/spaces/{id}/invitations/decline             | public     | 404 404 404 404 404 204 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/decline             | private    | 404 404 404 404 404 204 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/decline             | secret     | 404 404 404 404 404 204 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/decline             | archived   | 404 404 404 404 404 409 404 404 401 401
            POST   /api/v1/spaces/{id}/invitations/decline             | archsecret | 404 404 404 404 404 409 404 404 401 401

            GET    /api/v1/spaces/{id}/requests                        | public     | 200 200 200 403 403 403 403 404 401 401
            GET    /api/v1/spaces/{id}/requests                        | private    | 200 200 200 403 403 403 403 404 401 401
            GET    /api/v1/spaces/{id}/requests                        | secret     | 200 200 200 403 404 403 403 404 401 401
            GET    /api/v1/spaces/{id}/requests                        | archived   | 200 200 200 403 403 403 403 404 401 401
            GET    /api/v1/spaces/{id}/requests                        | archsecret | 200 200 200 403 404 403 403 404 401 401

            POST   /api/v1/spaces/{id}/requests/{requester}/approve    | public     | 204 204 204 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/approve    | private    | 204 204 204 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/approve    | secret     | 204 204 204 403 404 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/approve    | archived   | 409 409 409 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/approve    | archsecret | 409 409 409 403 404 403 403 404 401 401

            POST   /api/v1/spaces/{id}/requests/{requester}/decline    | public     | 204 204 204 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/decline    | private    | 204 204 204 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/decline    | secret     | 204 204 204 403 404 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/decline    | archived   | 409 409 409 403 403 403 403 404 401 401
            POST   /api/v1/spaces/{id}/requests/{requester}/decline    | archsecret | 409 409 409 403 404 403 403 404 401 401
            """;

    /** The viewer columns of both tables, in order. */
    enum Viewer { ADMIN, OWNER, MODERATOR, MEMBER, NON_MEMBER, INVITED, GUEST_IN, GUEST_OUT, DEACTIVATED, ANONYMOUS }

    private final Map<Viewer, TestUser> users = new EnumMap<>(Viewer.class);
    private final Map<Viewer, WebSession> sessions = new EnumMap<>(Viewer.class);
    private final Map<Viewer, ApiClient> apis = new EnumMap<>(Viewer.class);
    private final Map<String, TestSpace> readOnly = new java.util.HashMap<>();
    private TestUser target;
    private TestUser requester;
    private TestUser invitee;

    @BeforeAll
    void viewers() {
        users.put(Viewer.ADMIN, data.admin());
        users.put(Viewer.OWNER, data.member());
        users.put(Viewer.MODERATOR, data.member());
        users.put(Viewer.MEMBER, data.member());
        users.put(Viewer.NON_MEMBER, data.member());
        users.put(Viewer.INVITED, data.member());
        users.put(Viewer.GUEST_IN, data.guest());
        users.put(Viewer.GUEST_OUT, data.guest());
        users.put(Viewer.DEACTIVATED, data.member());
        target = data.member();
        requester = data.member();
        invitee = data.member();
        TestSpace elsewhere = data.space("PUBLIC", data.member());
        data.addMember(elsewhere, users.get(Viewer.GUEST_OUT), "MEMBER");

        connect(users, Viewer.DEACTIVATED, Viewer.ANONYMOUS, sessions, apis);
    }

    @Test
    void htmlEndpoints() {
        assertMatrix(HTML, false);
    }

    @Test
    void apiEndpoints() {
        assertMatrix(API, true);
    }

    /** A secret space does not exist for outsiders: not in lists, filters or the API, whatever they try. */
    @Test
    void secretSpacesNeverLeakIntoListsOfOutsiders() {
        TestSpace secret = fixture("secret");
        TestSpace publicSpace = fixture("public");
        String link = "href=\"/spaces/" + secret.id() + "\"";
        String search = "/spaces?q=" + secret.name().replace(' ', '+');
        for (Viewer v : List.of(Viewer.NON_MEMBER, Viewer.GUEST_OUT)) {
            for (String path : List.of("/", "/spaces/mine", "/spaces", "/spaces?q=secret")) {
                assertThat(sessions.get(v).get(path).body()).as(v + " " + path)
                        .doesNotContain(secret.name()).doesNotContain(link);
            }
            // the filter box repeats the query, so here only the result list counts
            Http filtered = sessions.get(v).get(search);
            assertThat(filtered.body()).as(v + " " + search).doesNotContain(link).contains("No space matches");
            for (String path : List.of("/api/v1/spaces?limit=100", "/api/v1/spaces?q=" + secret.name()
                    .replace(' ', '+'))) {
                assertThat(apis.get(v).get(path).body()).as(v + " " + path).doesNotContain(secret.name());
            }
        }
        // guests only ever see their own spaces, public ones included
        assertThat(sessions.get(Viewer.GUEST_OUT).get("/spaces?q=" + publicSpace.name().replace(' ', '+')).body())
                .doesNotContain("href=\"/spaces/" + publicSpace.id() + "\"");
        assertThat(apis.get(Viewer.GUEST_OUT).get("/api/v1/spaces?q=" + publicSpace.name().replace(' ', '+'))
                .json().get("items")).isEmpty();
        // the control: insiders do find it
        assertThat(sessions.get(Viewer.MEMBER).get(search).body()).contains(link);
        assertThat(sessions.get(Viewer.INVITED).get("/spaces/mine").body()).contains(secret.name());
        assertThat(sessions.get(Viewer.ADMIN).get(search).body()).contains(link);
        assertThat(apis.get(Viewer.GUEST_IN).get("/api/v1/spaces?q=" + secret.name().replace(' ', '+'))
                .json().get("items")).hasSize(1);
    }

    private void assertMatrix(String table, boolean api) {
        assertCells(table, Viewer.values(), 100, (row, v) -> call(api, v, row, fixtureFor(row)), (row, v) -> { });
    }

    private Http call(boolean api, Viewer v, Row row, TestSpace space) {
        String path = fill(row.path(), v, space);
        String body = row.body() == null ? null : fill(row.body(), v, space);
        if (api) {
            return apis.get(v).send(row.method(), path, body);
        }
        WebSession s = sessions.get(v);
        if (row.method().equals("GET")) {
            return s.get(path);
        }
        Map<String, String> form = MatrixTable.form(body);
        return s.post(path, form);
    }

    private String fill(String template, Viewer v, TestSpace space) {
        String s = template
                .replace("{target}", Long.toString(target.id()))
                .replace("{requester}", Long.toString(requester.id()))
                .replace("{invitee}", Long.toString(invitee.id()))
                .replace("{inviteeEmail}", invitee.email())
                .replace("{self}", Long.toString(users.containsKey(v) ? users.get(v).id() : target.id()))
                .replace("{unique}", TestData.unique("matrix"));
        if (space != null) {
            s = s.replace("{id}", Long.toString(space.id())).replace("{name}", space.name())
                    .replace("{visibility}", visibilityOf(space));
        }
        return s;
    }

    private String visibilityOf(TestSpace space) {
        return data.jdbc().sql("select visibility from spaces where id = :id").param("id", space.id())
                .query(String.class).single();
    }

    /** A fresh space of the given kind with one person in every role the columns need (one SQL round trip). */
    private TestSpace fixture(String kind) {
        String visibility = switch (kind) {
            case "public", "archived" -> "PUBLIC";
            case "private" -> "PRIVATE";
            case "secret", "archsecret" -> "SECRET";
            default -> throw new IllegalArgumentException("unknown space kind " + kind);
        };
        String name = TestData.unique("Space " + kind);
        long id = data.jdbc().sql("""
                        with s as (insert into spaces (name, visibility, created_by, archived_at)
                                   values (:name, :vis, :owner, case when :archived then now() end) returning id),
                             m as (insert into space_members (space_id, user_id, role, guest)
                                   select s.id, x.u, x.r, x.g from s, (values
                                       (cast(:owner as bigint), 'OWNER', false), (cast(:mod as bigint), 'MODERATOR', false),
                                       (cast(:member as bigint), 'MEMBER', false), (cast(:guest as bigint), 'MEMBER', true),
                                       (cast(:deactivated as bigint), 'MEMBER', false),
                                       (cast(:target as bigint), 'MEMBER', false)) as x(u, r, g)),
                             i as (insert into space_invitations (space_id, user_id, invited_by)
                                   select s.id, :invited, :owner from s),
                             r as (insert into space_join_requests (space_id, user_id) select s.id, :requester from s)
                        select id from s""")
                .param("name", name).param("vis", visibility).param("archived", kind.startsWith("arch"))
                .param("owner", users.get(Viewer.OWNER).id()).param("mod", users.get(Viewer.MODERATOR).id())
                .param("member", users.get(Viewer.MEMBER).id()).param("guest", users.get(Viewer.GUEST_IN).id())
                .param("deactivated", users.get(Viewer.DEACTIVATED).id()).param("target", target.id())
                .param("invited", users.get(Viewer.INVITED).id()).param("requester", requester.id())
                .query(Long.class).single();
        return new TestSpace(id, name);
    }

    /** GETs change nothing, so all GET cells of one space kind share a space. */
    private TestSpace fixtureFor(Row row) {
        if ("-".equals(row.kind())) {
            return null;
        }
        return row.method().equals("GET") ? readOnly.computeIfAbsent(row.kind(), this::fixture) : fixture(row.kind());
    }
}
